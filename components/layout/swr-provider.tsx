'use client'

import { SWRConfig } from 'swr'

/** One swr cache for the whole page, so every component that shows the cart count shares one request. */
export function SwrProvider({ children }: { children: React.ReactNode }) {
  return <SWRConfig value={{ shouldRetryOnError: false }}>{children}</SWRConfig>
}
