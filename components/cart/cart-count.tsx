'use client'

import { createContext, use, useOptimistic } from 'react'

/**
 * The header's item count. The server renders it from the cart's cookie (lib/shopper's cartItemCount), and
 * renders it again whenever a cart action answers; meanwhile a cart form moves it at once with
 * `changeCartCount`, and React drops that guess when the action's answer arrives (or it failed).
 */
const CartCountContext = createContext<{ count: number; changeCartCount: (delta: number) => void }>({
  count: 0,
  changeCartCount: () => {},
})

export function CartCountProvider({ count, children }: { count: number; children: React.ReactNode }) {
  const [optimisticCount, changeCartCount] = useOptimistic(count, (current, delta: number) =>
    Math.max(0, current + delta),
  )
  return <CartCountContext value={{ count: optimisticCount, changeCartCount }}>{children}</CartCountContext>
}

/** Call inside a cart form's action, before awaiting the server action, with how many items it adds (or removes). */
export function useChangeCartCount(): (delta: number) => void {
  return use(CartCountContext).changeCartCount
}

export function CartCountBadge() {
  const { count } = use(CartCountContext)
  return (
    <>
      <span
        data-testid="cart-count"
        aria-hidden="true"
        className={`min-w-6 rounded-full px-1.5 text-center text-xs leading-6 font-semibold ${count > 0 ? 'bg-brand text-white' : 'bg-stone-200 text-ink-soft'}`}
      >
        {count}
      </span>
      <span className="sr-only">{count === 1 ? ', 1 item' : `, ${count} items`}</span>
    </>
  )
}
