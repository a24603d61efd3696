'use client'

import Link from 'next/link'
import { useActionState, useId, useState } from 'react'
import { BuyNowForm, type BuyNowOffer } from '@/components/buy-now'
import { KlarnaMessaging } from '@/components/klarna'
import { IDLE, type ActionResult } from '@/components/ui/action-state'
import { StatusMessage } from '@/components/ui/status-message'
import { SubmitButton } from '@/components/ui/submit-button'
import type { KlarnaMessagingConfig } from '@/lib/env'
import { addToCartAction } from './actions'
import { useChangeCartCount } from './cart-count'

const MAX_PER_ORDER = 10

type Props = {
  skuCode: string
  stockQuantity: number
  price: { cents: number; currency: string } | null
  /** A signed-in customer's saved source and address, when they have both. */
  buyNow: BuyNowOffer | null
  messaging: KlarnaMessagingConfig | null
}

/** Quantity, "Add to cart", and for a returning customer "Buy now"; Klarna's messaging for the amount chosen. */
export function AddToCartForm({ skuCode, stockQuantity, price, buyNow, messaging }: Props) {
  const changeCartCount = useChangeCartCount()
  const [state, formAction] = useActionState((previous: ActionResult, formData: FormData) => {
    // The header counts the new items at once; the action's answer then brings the count Commerce Layer keeps.
    changeCartCount(Number(formData.get('quantity')) || 0)
    return addToCartAction(previous, formData)
  }, IDLE)
  const [quantity, setQuantity] = useState(1)
  const quantityId = useId()

  if (stockQuantity <= 0) {
    return (
      <div className="mt-6">
        <p className="font-medium text-red-700">Out of stock</p>
        <p className="mt-1 text-sm text-ink-soft">We&apos;re restocking soon.</p>
      </div>
    )
  }

  const amountCents = price ? price.cents * quantity : 0
  const choices = Array.from({ length: Math.min(MAX_PER_ORDER, stockQuantity) }, (_, index) => index + 1)
  return (
    <div className="mt-6">
      {messaging && price && <KlarnaMessaging config={messaging} amountCents={amountCents} className="mb-4" />}
      <form action={formAction}>
        <input type="hidden" name="skuCode" value={skuCode} />
        <div className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor={quantityId} className="block text-sm font-medium">
              Quantity
            </label>
            <select
              id={quantityId}
              name="quantity"
              value={quantity}
              onChange={(event) => setQuantity(Number(event.target.value))}
              className="mt-1 h-12 rounded-xl border border-stone-300 bg-white px-3 text-base"
            >
              {choices.map((choice) => (
                <option key={choice} value={choice}>
                  {choice}
                </option>
              ))}
            </select>
          </div>
          <SubmitButton pendingLabel="Adding…" className="h-12 min-w-40">
            Add to cart
          </SubmitButton>
        </div>
        <StatusMessage status={state.status} message={state.message} className="mt-3" />
        {state.status === 'success' && (
          <Link href="/cart" className="text-sm font-medium underline underline-offset-4">
            View cart
          </Link>
        )}
      </form>
      {buyNow && price && (
        <BuyNowForm
          offer={buyNow}
          skuCode={skuCode}
          quantity={quantity}
          amountCents={amountCents}
          currency={price.currency}
        />
      )}
    </div>
  )
}
