'use client'

import useSWR, { useSWRConfig } from 'swr'
import type { ActionState } from '@/components/ui/action-state'

export const CART_SUMMARY_KEY = '/api/cart'

type CartSummary = { itemCount: number }

async function fetchSummary(url: string): Promise<CartSummary> {
  const response = await fetch(url, { cache: 'no-store' })
  if (!response.ok) throw new Error(`Cart summary: ${response.status}`)
  return (await response.json()) as CartSummary
}

/** The number of items in this browser's cart, kept current by swr. */
export function useCartSummary() {
  return useSWR(CART_SUMMARY_KEY, fetchSummary, { revalidateOnFocus: true, dedupingInterval: 1000, shouldRetryOnError: false })
}

/** Call after a cart action so the header's count follows. */
export function useRefreshCartSummary() {
  const { mutate } = useSWRConfig()
  return () => mutate(CART_SUMMARY_KEY)
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
