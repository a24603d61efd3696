// Only the error check comes from the SDK's main entry; clients always come from the bundle (see client.ts).
import { CommerceLayerStatic } from '@commercelayer/sdk'

/**
 * What went wrong talking to Commerce Layer, reduced to what the storefront acts on.
 * `detail` is Commerce Layer's own sentence; pages show their own words, not this.
 */
export type CommerceLayerProblem = {
  status: number
  code: string
  detail: string
  /** The attribute a 422 points at (`/data/attributes/quantity` → `quantity`), when it points at one. */
  attribute?: string
}

export function describeCommerceLayerError(error: unknown): CommerceLayerProblem | undefined {
  if (!CommerceLayerStatic.isApiError(error)) return undefined
  const first = (error.errors?.[0] ?? {}) as { code?: unknown; detail?: unknown; title?: unknown; source?: { pointer?: unknown } }
  const pointer = typeof first.source?.pointer === 'string' ? first.source.pointer : undefined
  return {
    status: error.status ?? 500,
    code: typeof first.code === 'string' ? first.code : 'UNKNOWN',
    detail: typeof first.detail === 'string' ? first.detail : typeof first.title === 'string' ? first.title : error.message,
    attribute: pointer?.split('/').pop(),
  }
}

export function isNotFound(error: unknown): boolean {
  return describeCommerceLayerError(error)?.status === 404
}
