import { CommerceLayer } from '@commercelayer/sdk/bundle'
import { fetchWithApiLog } from '@/lib/api-log/server'
import { rememberEndedToken } from '@/lib/auth/ended-sessions'
import { env } from '@/lib/env'
import { retryAfterMs } from './retry-after'

/**
 * One SDK client per request, holding that request's token. Never the SDK's shared global configuration,
 * which can mix two customers' tokens under concurrency.
 */
export function commerceLayerClient(accessToken: string) {
  const { organization, sdkDomain } = env().commerceLayer
  return CommerceLayer({ organization, domain: sdkDomain, accessToken, fetch: commerceLayerFetch })
}

export type CommerceLayerClient = ReturnType<typeof commerceLayerClient>

/**
 * The SDK always builds `https://<organization>.<domain>/api/...` and has no base-URL option; in sandbox
 * mode this sends the same request to the sandbox's origin instead. With real credentials it changes nothing.
 * Every request goes through the request log's hook (lib/api-log), which the Developer panel reads.
 */
async function commerceLayerFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const { organization, sdkDomain, apiOrigin } = env().commerceLayer
  const sdkOrigin = `https://${organization}.${sdkDomain}`
  // The SDK calls fetch(url, init); a Request object would carry its method and body outside `init`.
  if (typeof input !== 'string' && !(input instanceof URL))
    throw new TypeError('commerceLayerFetch takes a URL and an init, not a Request')
  const url = typeof input === 'string' ? input : input.href
  const target = url.startsWith(sdkOrigin) ? apiOrigin + url.slice(sdkOrigin.length) : url
  const response = await fetchRetryingBusyReads(target, { ...init, cache: 'no-store' })
  // A token Commerce Layer refuses (revoked at a sign-out this process forgot, or otherwise dead) is remembered as
  // ended: the proxy then signs out the session that carries it, at the browser's next request.
  if (response.status === 401) {
    const bearer = /^Bearer\s+(\S+)$/i.exec(new Headers(init?.headers).get('authorization') ?? '')?.[1]
    if (bearer)
      await rememberEndedToken(bearer).catch((error) => console.error('Could not remember a dead token:', error))
  }
  return response
}

/** How long, in all, a read may wait out Commerce Layer's rate limit before the page says the shop is busy. */
const READ_WAIT_BUDGET_MS = 2500

/**
 * A read Commerce Layer refused with a 429 (its per-IP rate limit) is sent again after `Retry-After`, while the
 * waits fit in a short budget: a shopper would rather wait a second than see an error. A write is never sent again
 * here: its caller says the shop is busy and keeps the cart, and the shopper decides (lib/commerce-layer/errors.ts).
 */
async function fetchRetryingBusyReads(url: string, init: RequestInit): Promise<Response> {
  const isRead = (init.method ?? 'GET').toUpperCase() === 'GET'
  let waited = 0
  for (;;) {
    const response = await fetchWithApiLog(url, init)
    if (response.status !== 429 || !isRead) return response
    const wait = retryAfterMs(response.headers.get('retry-after'))
    if (waited + wait > READ_WAIT_BUDGET_MS) return response
    await response.arrayBuffer().catch(() => undefined)
    await new Promise((resolve) => setTimeout(resolve, wait))
    waited += wait
  }
}
