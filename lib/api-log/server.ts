import { cookies } from 'next/headers'
import { unstable_rethrow } from 'next/navigation'
import { env } from '@/lib/env'
import { API_LOG_COOKIE, readApiLogBrowserId } from './browser-cookie'
import { toApiLogEntry, type ApiLogEntry } from './entry'
import { createApiLogStore, type ApiLogStore } from './store'

/**
 * The request log on the server: the transport hook that records (used by `commerceLayerFetch` in
 * lib/commerce-layer/client.ts and `requestToken` in token.ts), and the read for the Developer panel's route.
 * Off (`env().showApiLog` false), the hook is `fetch` and nothing else, and nothing is ever stored.
 */

// On globalThis because Next.js may bundle this module into several routes' server code: every copy must
// record into, and read from, the one log of this process.
const STORE_KEY: unique symbol = Symbol.for('klarna-wallet-storefront.api-log')
type HoldsApiLog = typeof globalThis & { [STORE_KEY]?: ApiLogStore }

export function apiLog(): ApiLogStore {
  const holder = globalThis as HoldsApiLog
  return (holder[STORE_KEY] ??= createApiLogStore())
}

/** `fetch`, and a record of the exchange in the log of the browser this request serves (if any). */
export async function fetchWithApiLog(url: string, init: RequestInit): Promise<Response> {
  if (!env().showApiLog) return fetch(url, init)
  const browserId = await currentBrowserId()
  if (!browserId) return fetch(url, init)

  const startedAt = new Date()
  const started = performance.now()
  // Both the SDK and the token grants send their JSON:API or JSON bodies as strings.
  const requestBody = typeof init.body === 'string' ? init.body : null
  const record = (status: number | null, responseBody: string | null, error: string | null) =>
    apiLog().add(
      browserId,
      toApiLogEntry({
        method: init.method ?? 'GET',
        url,
        requestBody,
        status,
        responseBody,
        error,
        startedAt,
        durationMs: performance.now() - started,
      }),
    )
  try {
    const response = await fetch(url, init)
    // A copy of the body for the log; the caller reads the original.
    record(
      response.status,
      await response
        .clone()
        .text()
        .catch(() => null),
      null,
    )
    return response
  } catch (error) {
    record(null, null, error instanceof Error ? error.message : String(error))
    throw error
  }
}

/** This browser's entries, newest first (none without the cookie). */
export async function entriesForThisBrowser(): Promise<ApiLogEntry[]> {
  const browserId = await currentBrowserId()
  return browserId ? apiLog().entriesOf(browserId) : []
}

/**
 * The browser this request serves, from the proxy's cookie. Outside a request (a script, a test) there is none;
 * Next.js's own signals (a prerender bailing out) are passed on, as Next.js asks.
 */
async function currentBrowserId(): Promise<string | null> {
  try {
    return readApiLogBrowserId((await cookies()).get(API_LOG_COOKIE)?.value)
  } catch (error) {
    unstable_rethrow(error)
    return null
  }
}
