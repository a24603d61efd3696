/**
 * Every request the virtual shoppers send, timed and named by what it does in the checkout. The shoppers use
 * the Core API tests' own checkout helpers (sandbox/test/commerce-layer/checkout.ts), which call the global `fetch`;
 * `timeRequests` puts a timing `fetch` in its place for as long as the load runs.
 */

export type RequestStats = { count: number; failed: number; ms: number[] }

export class Recorder {
  readonly byType = new Map<string, RequestStats>()
  requests = 0
  inFlight = 0
  /** Requests that got no answer at all (connection refused or reset, timeout). */
  networkFailures = 0

  record(type: string, ms: number, ok: boolean): void {
    let stats = this.byType.get(type)
    if (!stats) this.byType.set(type, (stats = { count: 0, failed: 0, ms: [] }))
    stats.count++
    if (!ok) stats.failed++
    stats.ms.push(ms)
  }
}

/** No request may hang a shopper: an answer takes at most this long, or the request counts as failed. */
const REQUEST_TIMEOUT_MS = 15_000

/** Replaces the global fetch with one that records into `recorder`; returns what puts the original back. */
export function timeRequests(recorder: Recorder): () => void {
  const original = globalThis.fetch
  globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    const type = requestType(init?.method ?? 'GET', url.pathname, typeof init?.body === 'string' ? init.body : '')
    recorder.requests++
    recorder.inFlight++
    const started = performance.now()
    try {
      const response = await original(input, {
        ...init,
        signal: init?.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      })
      // The answer's body is part of its latency: read it here, hand the caller a copy.
      const body = await response.arrayBuffer()
      recorder.record(type, performance.now() - started, response.ok)
      const bodiless = [101, 204, 205, 304].includes(response.status)
      return new Response(bodiless ? null : body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      })
    } catch (error) {
      recorder.networkFailures++
      recorder.record(type, performance.now() - started, false)
      throw error
    } finally {
      recorder.inFlight--
    }
  }
  return () => {
    globalThis.fetch = original
  }
}

/** What a request does in the checkout, from its method, path and body: the rows of the latency table. */
export function requestType(method: string, path: string, body: string): string {
  if (path === '/oauth/token') return body.includes('"password"') ? 'token: sign in (password grant)' : 'token: guest'
  if (/^\/klarna\/sandbox\/sessions\/[^/]+\/authorize$/.test(path)) return 'Klarna: shopper authorizes (test door)'
  const [, type, id, relationship] = /^\/api\/([a-z_]+)(?:\/([^/]+))?(?:\/([a-z_]+))?$/.exec(path) ?? []
  if (!type) return `${method} ${path}`
  if (method === 'PATCH' && type === 'orders') {
    const attributes = attributeNames(body)
    if (attributes.includes('_customer_payment_source_id')) return 'order: pay with the saved source (association)'
    if (attributes.includes('_place')) return 'order: place'
    if (attributes.includes('_save_payment_source_to_customer_wallet')) return 'order: save the source to the wallet'
    if (attributes.includes('_shipping_address_same_as_billing')) return 'order: shipping address = billing'
    return 'order: email, billing address, payment method'
  }
  const named: Record<string, string> = {
    'POST customers': 'customer: sign up',
    'POST orders': 'order: create',
    'POST line_items': 'line item: add',
    'POST addresses': 'address: create',
    'GET orders shipments': 'order: read its shipments',
    'PATCH shipments': 'shipment: choose the shipping method',
    'POST klarna_payments': 'Klarna payment: create (opens a session)',
    'PATCH klarna_payments': 'Klarna payment: send the auth_token',
  }
  const key = [method, type, relationship].filter(Boolean).join(' ')
  return Object.hasOwn(named, key)
    ? (named[key] as string)
    : `${method} /api/${type}${id ? '/:id' : ''}${relationship ? `/${relationship}` : ''}`
}

function attributeNames(body: string): string[] {
  try {
    return Object.keys((JSON.parse(body) as { data?: { attributes?: object } }).data?.attributes ?? {})
  } catch {
    return []
  }
}

/** The value below which `fraction` of the sorted values fall (nearest rank). */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] as number
}
