// Only the error check comes from the SDK's main entry; clients always come from the bundle (see client.ts).
import { CommerceLayerStatic } from '@commercelayer/sdk'

/** One of Commerce Layer's error objects, reduced to what the storefront acts on. */
export type CommerceLayerErrorDetail = {
  code: string
  /** Commerce Layer's own sentence; pages show their own words, not this. */
  detail: string
  /** The attribute or relationship a 422 points at (`/data/attributes/quantity` → `quantity`). */
  attribute?: string
  /**
   * The validation's machine name, from `meta.error` (`blank`, …), for logs only: Commerce Layer documents no list
   * of these values, so no decision keys on one (a refused `_place` is understood by reading the order's status).
   */
  reason?: string
}

export type CommerceLayerProblem = CommerceLayerErrorDetail & { status: number; all: CommerceLayerErrorDetail[] }

function toDetail(raw: unknown, fallback: string): CommerceLayerErrorDetail {
  const error = (raw ?? {}) as {
    code?: unknown
    detail?: unknown
    title?: unknown
    source?: { pointer?: unknown }
    meta?: { error?: unknown }
  }
  const pointer = typeof error.source?.pointer === 'string' ? error.source.pointer : undefined
  return {
    code: typeof error.code === 'string' ? error.code : 'UNKNOWN',
    detail: typeof error.detail === 'string' ? error.detail : typeof error.title === 'string' ? error.title : fallback,
    attribute: pointer?.split('/').pop(),
    reason: typeof error.meta?.error === 'string' ? error.meta.error : undefined,
  }
}

/** What went wrong in a Commerce Layer call, or undefined when the error did not come from its API. */
export function describeCommerceLayerError(error: unknown): CommerceLayerProblem | undefined {
  if (!CommerceLayerStatic.isApiError(error)) return undefined
  const all = (error.errors ?? []).map((raw: unknown) => toDetail(raw, error.message))
  const first = all[0] ?? toDetail(undefined, error.message)
  return { ...first, status: error.status ?? 500, all }
}

export function isNotFound(error: unknown): boolean {
  return describeCommerceLayerError(error)?.status === 404
}

/**
 * Commerce Layer refused the request under its per-IP rate limit (429): nothing was done, and the same request may
 * be sent again after a few seconds. Reads have already been retried (client.ts); a write that ends here was not applied.
 */
export function isRateLimited(error: unknown): boolean {
  return describeCommerceLayerError(error)?.status === 429
}
