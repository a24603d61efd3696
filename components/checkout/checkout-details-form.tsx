'use client'

import { useRouter } from 'next/navigation'
import { useActionState, useEffect, useState } from 'react'
import { IDLE } from '@/components/ui/action-state'
import { StatusMessage } from '@/components/ui/status-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { TextField } from '@/components/ui/text-field'
import type { CheckoutAddress, ShippingOption } from '@/lib/commerce-layer/checkout'
import { formatMoney } from '@/lib/money'
import { saveCheckoutDetailsAction, type DetailsState } from './actions'
import { AddressFields } from './address-fields'

type Props = {
  email: string | null
  /** A signed-in customer's email is their account's, and cannot be changed here. */
  emailFixed: boolean
  billing: CheckoutAddress | null
  shipping: CheckoutAddress | null
  shippingOptions: ShippingOption[]
  shippingMethodId: string | null
  currency: string
  countries: string[]
  complete: boolean
  /** Called once the details are saved (the compact checkout goes back to its summary). */
  onSaved?: () => void
}

function sameAddress(a: CheckoutAddress | null, b: CheckoutAddress | null): boolean {
  if (!a || !b) return true
  return (Object.keys(a) as (keyof CheckoutAddress)[]).every((key) => a[key] === b[key])
}

/** Contact, addresses and delivery: one form, saved by one server action, its errors next to the fields. */
export function CheckoutDetailsForm(props: Props) {
  const router = useRouter()
  const [state, formAction] = useActionState<DetailsState, FormData>(saveCheckoutDetailsAction, IDLE)
  const [sameAsBilling, setSameAsBilling] = useState(sameAddress(props.billing, props.shipping))

  const { onSaved } = props
  useEffect(() => {
    // The page's server part shows the new totals and opens the payment step.
    if (state.status !== 'success') return
    router.refresh()
    onSaved?.()
  }, [state, router, onSaved])

  const { fieldErrors: errors = {}, values = {} } = state
  return (
    <form action={formAction} className="space-y-10" noValidate>
      <section aria-labelledby="contact-heading">
        <h2 id="contact-heading" className="text-lg font-semibold">
          Contact
        </h2>
        <div className="mt-4 max-w-md">
          {props.emailFixed ? (
            <TextField
              label="Email"
              name="email"
              type="email"
              value={props.email ?? ''}
              readOnly
              hint="The email of your account."
            />
          ) : (
            <TextField
              label="Email"
              name="email"
              type="email"
              autoComplete="email"
              defaultValue={values.email ?? props.email ?? ''}
              error={errors.email}
              required
            />
          )}
        </div>
      </section>

      <section aria-labelledby="billing-heading">
        <h2 id="billing-heading" className="text-lg font-semibold">
          Billing address
        </h2>
        <div className="mt-4">
          <AddressFields
            prefix="billing"
            initial={props.billing}
            values={values}
            errors={errors}
            countries={props.countries}
          />
        </div>
      </section>

      <section aria-labelledby="shipping-heading">
        <h2 id="shipping-heading" className="text-lg font-semibold">
          Shipping address
        </h2>
        <label className="mt-4 flex items-center gap-3 text-sm font-medium">
          <input
            type="checkbox"
            name="shippingSameAsBilling"
            checked={sameAsBilling}
            onChange={(event) => setSameAsBilling(event.target.checked)}
            className="size-5 accent-brand"
          />
          Same as billing
        </label>
        {!sameAsBilling && (
          <div className="mt-4">
            <AddressFields
              prefix="shipping"
              initial={props.shipping}
              values={values}
              errors={errors}
              countries={props.countries}
            />
          </div>
        )}
      </section>

      <fieldset aria-describedby={errors.shippingMethodId ? 'shipping-method-error' : undefined}>
        <legend className="text-lg font-semibold">Delivery</legend>
        <div className="mt-4 space-y-3">
          {props.shippingOptions.map((option, index) => (
            <label
              key={option.id}
              className="flex cursor-pointer items-center justify-between gap-4 rounded-xl border border-stone-300 bg-white p-4 has-[:checked]:border-brand has-[:checked]:ring-1 has-[:checked]:ring-brand"
            >
              <span className="flex items-center gap-3">
                <input
                  type="radio"
                  name="shippingMethodId"
                  value={option.id}
                  defaultChecked={
                    (values.shippingMethodId ?? props.shippingMethodId ?? (index === 0 ? option.id : null)) ===
                    option.id
                  }
                  className="size-5 accent-brand"
                />
                <span className="font-medium">{option.name}</span>
              </span>
              <span className="text-sm">
                {option.priceCents === 0 ? 'Free' : formatMoney({ cents: option.priceCents, currency: props.currency })}
              </span>
            </label>
          ))}
        </div>
        {errors.shippingMethodId && (
          <p id="shipping-method-error" className="mt-2 text-sm text-red-700">
            {errors.shippingMethodId}
          </p>
        )}
      </fieldset>

      <div>
        <SubmitButton
          pendingLabel="Saving…"
          className="h-12 min-w-56"
          variant={props.complete ? 'secondary' : 'primary'}
        >
          {props.complete ? 'Update details' : 'Continue to payment'}
        </SubmitButton>
        <StatusMessage status={state.status} message={state.message} className="mt-3" />
      </div>
    </form>
  )
}
