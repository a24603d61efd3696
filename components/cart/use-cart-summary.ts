'use client'

import useSWR, { useSWRConfig } from 'swr'

export const CART_SUMMARY_KEY = '/api/cart'

type CartSummary = { itemCount: number }

async function fetchSummary(url: string): Promise<CartSummary> {
  const response = await fetch(url, { cache: 'no-store' })
  if (!response.ok) throw new Error(`Cart summary: ${response.status}`)
  return (await response.json()) as CartSummary
}

/** The number of items in this browser's cart, kept current by swr. */
export function useCartSummary() {
  return useSWR(CART_SUMMARY_KEY, fetchSummary, { revalidateOnFocus: true, dedupingInterval: 1000 })
}

/** Call after a cart action so the header's count follows. */
export function useRefreshCartSummary() {
  const { mutate } = useSWRConfig()
  return () => mutate(CART_SUMMARY_KEY)
}
