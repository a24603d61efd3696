import { redactJson, redactText } from './redact'

/**
 * One Commerce Layer request as the Developer panel shows it, built from what went over the wire. Everything in
 * it is already redacted: an entry never holds a secret, so neither the store nor the panel has to care.
 */
export type ApiLogEntry = {
  /** Increasing within this server process. */
  id: number
  /** When the request was sent (ISO 8601). */
  at: string
  method: string
  /** Path and query, the query decoded for reading: `/api/orders/abc?include=available_customer_payment_sources`. */
  path: string
  /** null when no answer came (the service could not be reached). */
  status: number | null
  durationMs: number
  /** Pretty-printed JSON (or the text as sent); null when the request had no body. */
  requestBody: string | null
  responseBody: string | null
  /** Why no answer came, when none did. */
  error: string | null
  /** Which request of "Reusing the payment source" this is, if it is one of the two. */
  seedStep: SeedDocumentStep | null
}

export type SeedDocumentStep = 1 | 2

/** A request and its answer, as the recording fetch saw them. */
export type Exchange = {
  method: string
  url: string
  requestBody: string | null
  status: number | null
  responseBody: string | null
  error: string | null
  startedAt: Date
  durationMs: number
}

/** Longer bodies are cut: the log is in memory, and a body this long is read in the sandbox's own log anyway. */
export const MAX_BODY_CHARS = 20_000

export function toApiLogEntry(exchange: Exchange): Omit<ApiLogEntry, 'id'> {
  return {
    at: exchange.startedAt.toISOString(),
    method: exchange.method.toUpperCase(),
    path: loggablePath(exchange.url),
    status: exchange.status,
    durationMs: Math.round(exchange.durationMs),
    requestBody: loggableBody(exchange.requestBody),
    responseBody: loggableBody(exchange.responseBody),
    error: exchange.error === null ? null : redactText(exchange.error),
    seedStep: seedDocumentStep(exchange.method, exchange.url, parseJson(exchange.requestBody)),
  }
}

/** A body fit for the panel: JSON pretty-printed with its secrets redacted, anything else scrubbed as text; cut when long. */
export function loggableBody(raw: string | null): string | null {
  if (raw === null || raw === '') return null
  const parsed = parseJson(raw)
  const shown = parsed === undefined ? redactText(raw) : JSON.stringify(redactJson(parsed), null, 2)
  if (shown.length <= MAX_BODY_CHARS) return shown
  return `${shown.slice(0, MAX_BODY_CHARS)}\n… (${(shown.length - MAX_BODY_CHARS).toLocaleString('en')} more characters not kept)`
}

/** The path and query of a URL, the query decoded (`include=a,b`, `fields[orders]=…`) and scrubbed. */
export function loggablePath(url: string): string {
  const { pathname, search } = new URL(url)
  let query = search
  try {
    query = decodeURIComponent(search)
  } catch {
    // A malformed escape: show the query as sent.
  }
  return redactText(pathname + query)
}

const ORDER_PATH = /^\/api\/orders\/[^/]+$/

/**
 * The two requests of "Reusing the payment source", recognised by what they ask, not by who sent them:
 * step 1 is a `PATCH /api/orders/:id` setting `_save_payment_source_to_customer_wallet: true`; step 2 one setting
 * `_customer_payment_source_id` (the storefront sends `_place` in the same request; it is still step 2).
 */
export function seedDocumentStep(method: string, url: string, body: unknown): SeedDocumentStep | null {
  if (method.toUpperCase() !== 'PATCH' || !ORDER_PATH.test(new URL(url).pathname)) return null
  const attributes = attributesOf(body)
  if (attributes?._save_payment_source_to_customer_wallet === true) return 1
  if (typeof attributes?._customer_payment_source_id === 'string') return 2
  return null
}

function attributesOf(body: unknown): Record<string, unknown> | undefined {
  if (!isRecord(body) || !isRecord(body.data) || !isRecord(body.data.attributes)) return undefined
  return body.data.attributes
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function parseJson(text: string | null): unknown {
  if (!text) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
