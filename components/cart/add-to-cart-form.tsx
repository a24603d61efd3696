'use client'

import Link from 'next/link'
import { useActionState, useId } from 'react'
import { IDLE, type ActionResult } from '@/components/ui/action-state'
import { StatusMessage } from '@/components/ui/status-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { addToCartAction } from './actions'
import { useChangeCartCount } from './cart-count'

const MAX_PER_ORDER = 10

export function AddToCartForm({ skuCode, stockQuantity }: { skuCode: string; stockQuantity: number }) {
  const changeCartCount = useChangeCartCount()
  const [state, formAction] = useActionState((previous: ActionResult, formData: FormData) => {
    // The header counts the new items at once; the action's answer then brings the count Commerce Layer keeps.
    changeCartCount(Number(formData.get('quantity')) || 0)
    return addToCartAction(previous, formData)
  }, IDLE)
  const quantityId = useId()

  if (stockQuantity <= 0) {
    return (
      <div className="mt-6">
        <p className="font-medium text-red-700">Out of stock</p>
        <p className="mt-1 text-sm text-ink-soft">We&apos;re restocking soon.</p>
      </div>
    )
  }

  const choices = Array.from({ length: Math.min(MAX_PER_ORDER, stockQuantity) }, (_, index) => index + 1)
  return (
    <form action={formAction} className="mt-6">
      <input type="hidden" name="skuCode" value={skuCode} />
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={quantityId} className="block text-sm font-medium">
            Quantity
          </label>
          <select
            id={quantityId}
            name="quantity"
            defaultValue="1"
            className="mt-1 h-12 rounded-xl border border-stone-300 bg-white px-3 text-base"
          >
            {choices.map((quantity) => (
              <option key={quantity} value={quantity}>
                {quantity}
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
  )
}
