'use client'

import { useActionState, useState } from 'react'
import { addToCartAndCheckoutAction } from '@/components/cart'
import { IDLE } from '@/components/ui/action-state'
import { OneClickButton } from '@/components/ui/one-click-button'
import { formatMoney } from '@/lib/money'
import { buyNowAction } from './actions'

export type BuyNowOffer = { sourceId: string; sourceName: string; shipTo: string }

/**
 * "Buy now · <saved source>": one click, one new order for this product and quantity. The attempt id is this
 * page's, so a double click (or the same request twice) places one order; a refusal says so and offers checkout.
 */
export function BuyNowForm({
  offer,
  skuCode,
  quantity,
  amountCents,
  currency,
}: {
  offer: BuyNowOffer
  skuCode: string
  quantity: number
  amountCents: number
  currency: string
}) {
  const [state, formAction] = useActionState(buyNowAction, IDLE)
  const [checkoutState, checkoutAction] = useActionState(addToCartAndCheckoutAction, IDLE)
  const [attempt] = useState(() => crypto.randomUUID())
  const amount = formatMoney({ cents: amountCents, currency })
  return (
    <form action={formAction} className="mt-4 max-w-md">
      <input type="hidden" name="skuCode" value={skuCode} />
      <input type="hidden" name="quantity" value={quantity} />
      <input type="hidden" name="sourceId" value={offer.sourceId} />
      <input type="hidden" name="attempt" value={attempt} />
      <OneClickButton label={`Buy now · ${offer.sourceName}`} amount={amount} />
      <p className="mt-2 text-sm text-ink-soft">
        One click orders it, delivered {offer.shipTo}. Your cart stays as it is.
      </p>
      <div role="status" aria-live="polite" className="mt-2 min-h-5 text-sm text-red-700">
        {state.message || checkoutState.message}
      </div>
      {state.next === 'checkout' && (
        <button
          type="submit"
          formAction={checkoutAction}
          className="text-sm font-medium underline underline-offset-4 hover:text-ink-soft"
        >
          Check out instead
        </button>
      )}
    </form>
  )
}
