'use client'

import { useEffect, useRef, useState, type ComponentProps } from 'react'
import type { CheckoutAddress } from '@/lib/commerce-layer/checkout'
import { countryName } from '@/lib/countries'
import { CheckoutDetailsForm } from './checkout-details-form'
import { PaymentOptions } from './payment-options'

type Props = {
  details: Omit<ComponentProps<typeof CheckoutDetailsForm>, 'onSaved'>
  payment: ComponentProps<typeof PaymentOptions>
  delivery: string
}

function describeAddress(address: CheckoutAddress | null): string {
  if (!address) return '—'
  const name = `${address.firstName} ${address.lastName}`.trim()
  return [name, address.line1, `${address.zipCode} ${address.city}`.trim(), countryName(address.countryCode)]
    .filter(Boolean)
    .join(', ')
}

function SummaryRow({
  label,
  value,
  onChange,
  changeLabel,
}: {
  label: string
  value: string
  onChange: () => void
  changeLabel: string
}) {
  return (
    <div className="flex items-start gap-4 py-3">
      <dt className="w-20 shrink-0 text-sm text-ink-soft">{label}</dt>
      <dd className="min-w-0 flex-1 text-sm font-medium break-words">{value}</dd>
      <dd className="shrink-0">
        <button
          type="button"
          onClick={onChange}
          aria-label={changeLabel}
          className="text-sm font-medium underline underline-offset-4 hover:text-ink-soft"
        >
          Change
        </button>
      </dd>
    </div>
  )
}

/**
 * A returning customer's checkout when the order already has everything: what it will do in three lines (ship to,
 * delivery, pay with), each with "Change", which opens the full form in its place, and the saved source's one-click
 * button right below, on a phone's first screen. Saving the form comes back to the summary. The page's order in the
 * DOM is the order on screen, so keyboard and screen reader follow it.
 */
export function CompactCheckout({ details, payment, delivery }: Props) {
  const [editing, setEditing] = useState<'details' | 'payment' | null>(null)
  const opened = useRef<HTMLDivElement>(null)
  const [defaultSource] = payment.savedSources

  useEffect(() => {
    // What "Change" opened takes the focus, so a screen reader follows it.
    opened.current?.focus()
  }, [editing])

  return (
    <div className="space-y-6">
      {editing === 'details' ? (
        <div ref={opened} tabIndex={-1} className="outline-none">
          <CheckoutDetailsForm {...details} onSaved={() => setEditing(null)} />
        </div>
      ) : (
        <section
          aria-labelledby="compact-summary-heading"
          className="rounded-2xl border border-stone-200 bg-white px-5"
        >
          <h2 id="compact-summary-heading" className="sr-only">
            Your details
          </h2>
          <dl className="divide-y divide-stone-200">
            <SummaryRow
              label="Ship to"
              value={describeAddress(details.shipping ?? details.billing)}
              onChange={() => setEditing('details')}
              changeLabel="Change shipping address"
            />
            <SummaryRow
              label="Delivery"
              value={delivery}
              onChange={() => setEditing('details')}
              changeLabel="Change delivery"
            />
            {editing !== 'payment' && defaultSource && (
              <SummaryRow
                label="Pay with"
                value={defaultSource.name}
                onChange={() => setEditing('payment')}
                changeLabel="Change payment"
              />
            )}
          </dl>
        </section>
      )}
      <section aria-labelledby="payment-heading">
        <h2 id="payment-heading" className="sr-only">
          Payment
        </h2>
        {editing === 'payment' ? (
          <div ref={opened} tabIndex={-1} className="outline-none">
            <PaymentOptions {...payment} otherKlarnaOpenAtFirst />
          </div>
        ) : (
          <PaymentOptions {...payment} savedSources={defaultSource ? [defaultSource] : []} />
        )}
      </section>
    </div>
  )
}
