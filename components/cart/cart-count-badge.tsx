'use client'

import { useCartSummary } from './use-cart-summary'

/** The number on the header's cart link, kept current by swr. Loaded after the page, so it costs no first-load JS. */
export default function CartCountBadge({ shopperKey }: { shopperKey: string }) {
  const { data } = useCartSummary(shopperKey)
  const count = data?.itemCount ?? 0
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
