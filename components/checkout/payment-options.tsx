'use client'

import { useActionState, useEffect, useId, useState } from 'react'
import { KlarnaCheckout, type KlarnaActions } from '@/components/klarna'
import { IDLE } from '@/components/ui/action-state'
import { OneClickButton } from '@/components/ui/one-click-button'
import { formatMoney } from '@/lib/money'
import { payWithKlarnaAction, prepareKlarnaPaymentAction } from './actions'
import { payWithSavedSourceAction } from './one-click-actions'

type Props = {
  savedSources: { id: string; name: string }[]
  totalCents: number
  currency: string
  libraryUrl: string
  detailsComplete: boolean
  sessionKey: string
  canSaveToWallet: boolean
  /** Klarna's widget shown from the start, beside the saved sources (the compact checkout's "Change"). */
  otherKlarnaOpenAtFirst?: boolean
}

/** Klarna's widget pays for this checkout's order with checkout's own server actions. */
const KLARNA_ACTIONS: KlarnaActions = { prepareSession: prepareKlarnaPaymentAction, pay: payWithKlarnaAction }

/**
 * Payment at checkout: a returning customer's saved Klarna sources first, each one click from the confirmation;
 * Klarna's widget flow behind "Use another Klarna account" (or straight away when there is nothing saved).
 */
export function PaymentOptions({ savedSources, totalCents, currency, otherKlarnaOpenAtFirst, ...klarna }: Props) {
  const [state, formAction] = useActionState(payWithSavedSourceAction, IDLE)
  const [otherKlarnaOpen, setOtherKlarnaOpen] = useState(otherKlarnaOpenAtFirst || savedSources.length === 0)
  const otherKlarnaId = useId()
  const amount = formatMoney({ cents: totalCents, currency })
  const showOtherKlarna = otherKlarnaOpen || state.next === 'other-klarna'

  useEffect(() => {
    if (state.next === 'details')
      document.getElementById('billing-heading')?.scrollIntoView({ behavior: 'smooth', block: 'start' })
  }, [state])

  return (
    <div className="space-y-6">
      {savedSources.length > 0 && (
        <div>
          <p className="mb-3 text-sm text-ink-soft">
            Pay with one click with your saved Klarna. No Klarna dialog, nothing else to fill.
          </p>
          <ul className="space-y-3">
            {savedSources.map((source) => (
              <li key={source.id}>
                <form action={formAction}>
                  <input type="hidden" name="sourceId" value={source.id} />
                  <OneClickButton label={`Pay with ${source.name}`} amount={amount} />
                </form>
              </li>
            ))}
          </ul>
          <p role="status" aria-live="polite" className="mt-3 min-h-5 text-sm text-red-700">
            {state.message}
          </p>
          <button
            type="button"
            aria-expanded={showOtherKlarna}
            aria-controls={otherKlarnaId}
            onClick={() => setOtherKlarnaOpen((open) => !open)}
            className="text-sm font-medium underline underline-offset-4"
          >
            Use another Klarna account
          </button>
        </div>
      )}
      <div id={otherKlarnaId} hidden={!showOtherKlarna}>
        {showOtherKlarna && <KlarnaCheckout actions={KLARNA_ACTIONS} {...klarna} />}
      </div>
    </div>
  )
}
