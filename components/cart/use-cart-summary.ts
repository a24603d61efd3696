'use client'

import useSWR, { useSWRConfig } from 'swr'
import type { ActionState } from '@/components/ui/action-state'

const CART_SUMMARY_KEY = '/api/cart'

type CartSummary = { itemCount: number }

async function fetchSummary([url]: readonly [string, string]): Promise<CartSummary> {
  const response = await fetch(url, { cache: 'no-store' })
  if (!response.ok) throw new Error(`Cart summary: ${response.status}`)
  return (await response.json()) as CartSummary
}

/**
 * The number of items in this browser's cart, kept current by swr. `renderKey` is new with every server render
 * of the header (see cart-count-link.tsx), so a shopper who just signed in or out never sees a cached count.
 */
export function useCartSummary(renderKey: string) {
  return useSWR([CART_SUMMARY_KEY, renderKey] as const, fetchSummary, {
    revalidateOnFocus: true,
    dedupingInterval: 1000,
    shouldRetryOnError: false,
  })
}

const isCartSummaryKey = (key: unknown) => Array.isArray(key) && key[0] === CART_SUMMARY_KEY

/** Call after a cart action so the header's count follows. */
export function useRefreshCartSummary() {
  const { mutate } = useSWRConfig()
  return () => mutate(isCartSummaryKey)
}

/**
 * Wraps a cart action so that the header's count is refreshed as soon as it succeeds, inside the same
 * transition: a line that was removed has unmounted before any effect of its own could run.
 */
export function withCartSummaryRefresh(
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>,
  refresh: () => Promise<unknown>,
) {
  return async (previous: ActionState, formData: FormData) => {
    const result = await action(previous, formData)
    if (result.status === 'success') await refresh()
    return result
  }
}
