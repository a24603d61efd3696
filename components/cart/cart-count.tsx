'use client'

import dynamic from 'next/dynamic'

/** The header's count arrives after the page: an empty badge of the same size holds its place meanwhile. */
export const CartCount = dynamic(() => import('./cart-count-badge'), {
  ssr: false,
  loading: () => (
    <span aria-hidden="true" className="min-w-6 rounded-full bg-stone-200 px-1.5 text-xs leading-6">
      &nbsp;
    </span>
  ),
})
