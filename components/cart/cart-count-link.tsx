import Link from 'next/link'
import { CartCountBadge } from './cart-count'

/** The header's "Cart" link, with the item count. */
export function CartCountLink() {
  return (
    <Link
      href="/cart"
      className="relative inline-flex items-center gap-2 rounded-full px-2.5 py-2 text-sm font-medium whitespace-nowrap hover:bg-stone-100 sm:px-3"
    >
      <svg
        className="size-5"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        aria-hidden="true"
      >
        <path
          d="M3 4h2l2.4 11.2a1 1 0 0 0 1 .8h8.9a1 1 0 0 0 1-.8L20 8H6.2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
        <circle cx="9.5" cy="19.5" r="1.3" />
        <circle cx="17" cy="19.5" r="1.3" />
      </svg>
      <span>Cart</span>
      <CartCountBadge />
    </Link>
  )
}
