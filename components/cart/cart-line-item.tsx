'use client'

import Link from 'next/link'
import { useActionState, useOptimistic } from 'react'
import { Thumbnail } from '@/components/catalog'
import { IDLE, type ActionResult } from '@/components/ui/action-state'
import { StatusMessage } from '@/components/ui/status-message'
import { SubmitButton } from '@/components/ui/submit-button'
import type { CartLine } from '@/lib/commerce-layer/cart'
import { formatMoney } from '@/lib/money'
import { removeFromCartAction, updateQuantityAction } from './actions'
import { useChangeCartCount } from './cart-count'

const MAX_QUANTITY = 99

export function CartLineItem({ line, currency }: { line: CartLine; currency: string }) {
  const changeCartCount = useChangeCartCount()
  // The header's count and this line's quantity move at once; the action's answer then brings what Commerce
  // Layer keeps (and puts them back if it failed).
  const [optimisticQuantity, setOptimisticQuantity] = useOptimistic(line.quantity)
  const [quantityState, updateQuantity] = useActionState((previous: ActionResult, formData: FormData) => {
    const quantity = Number(formData.get('quantity'))
    if (Number.isInteger(quantity) && quantity > 0) {
      changeCartCount(quantity - line.quantity)
      setOptimisticQuantity(quantity)
    }
    return updateQuantityAction(previous, formData)
  }, IDLE)
  const [removeState, remove] = useActionState((previous: ActionResult, formData: FormData) => {
    changeCartCount(-line.quantity)
    return removeFromCartAction(previous, formData)
  }, IDLE)

  const latest = removeState.status !== 'idle' ? removeState : quantityState
  return (
    <li className="flex gap-4 py-6" data-testid="cart-line">
      <Thumbnail src={line.imageUrl} className="size-20 rounded-xl sm:size-24" />
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4">
          <Link href={`/products/${encodeURIComponent(line.skuCode)}`} className="font-medium hover:underline">
            {line.name}
          </Link>
          <span className="font-semibold" data-testid="line-total">
            {formatMoney({ cents: line.totalCents, currency })}
          </span>
        </div>
        <p className="text-sm text-ink-soft">{formatMoney({ cents: line.unitCents, currency })} each</p>
        <div className="flex flex-wrap items-center gap-4">
          <form
            action={updateQuantity}
            className="flex items-center gap-1"
            aria-label={`Change quantity of ${line.name}`}
          >
            <input type="hidden" name="lineItemId" value={line.id} />
            <SubmitButton
              variant="secondary"
              name="quantity"
              value={String(line.quantity - 1)}
              disabled={line.quantity <= 1}
              aria-label={`Decrease quantity of ${line.name}`}
              className="!size-11 !p-0"
            >
              −
            </SubmitButton>
            <output
              className="w-10 text-center font-medium"
              aria-label={`Quantity of ${line.name}`}
              data-testid="line-quantity"
            >
              {optimisticQuantity}
            </output>
            <SubmitButton
              variant="secondary"
              name="quantity"
              value={String(line.quantity + 1)}
              disabled={line.quantity >= MAX_QUANTITY}
              aria-label={`Increase quantity of ${line.name}`}
              className="!size-11 !p-0"
            >
              +
            </SubmitButton>
          </form>
          <form action={remove}>
            <input type="hidden" name="lineItemId" value={line.id} />
            <SubmitButton variant="link" pendingLabel="Removing…" aria-label={`Remove ${line.name}`}>
              Remove
            </SubmitButton>
          </form>
        </div>
        <StatusMessage status={latest.status} message={latest.message} />
      </div>
    </li>
  )
}
