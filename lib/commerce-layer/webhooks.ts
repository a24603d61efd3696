import { createHmac, timingSafeEqual } from 'node:crypto'
import { catalogTags, type CatalogScope } from './catalog-tags'

/**
 * Commerce Layer's webhooks, as its docs describe them ("Real-time webhooks", "Callbacks security"): a POST of the
 * resource as JSON:API, its topic in `X-CommerceLayer-Topic`, and `X-CommerceLayer-Signature`, the base64 of
 * HMAC-SHA256 over the raw body with the webhook's shared secret.
 */

/** True only for a signature made over exactly these bytes with this secret. */
export function isSignedByCommerceLayer(rawBody: Buffer, signature: string | null, secret: string | undefined) {
  if (!secret || !signature) return false
  const expected = createHmac('sha256', secret).update(rawBody).digest()
  const given = Buffer.from(signature.trim(), 'base64')
  // Same length first: timingSafeEqual refuses buffers of different sizes.
  return given.length === expected.length && timingSafeEqual(given, expected)
}

type Resource = { type?: unknown; attributes?: Record<string, unknown> }
type Payload = { data?: Resource; included?: Resource[] }

const CATALOG_TYPES = new Set(['skus', 'prices', 'stock_items'])
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined)

/**
 * The cache tags a webhook makes stale: the product grid and the pages of the SKUs it names. A catalogue change
 * whose SKU the payload does not name (a price list, a stock location) revalidates the whole catalogue; a placed
 * order, the SKUs its line items took stock from. Anything else changes no cached read.
 */
export function tagsToRevalidate(topic: string, payload: unknown, scope: CatalogScope): string[] {
  const body = (payload ?? {}) as Payload
  const resourceType = text(topic.split('.')[0]) ?? text(body.data?.type)
  if (resourceType === 'orders' && topic === 'orders.place') {
    const codes = (body.included ?? [])
      .filter((item) => item.type === 'line_items' && item.attributes?.item_type === 'skus')
      .map((item) => text(item.attributes?.sku_code))
    if (codes.length === 0 || codes.some((code) => code === undefined)) return [catalogTags.all(scope)]
    return [catalogTags.list(scope), ...new Set(codes.map((code) => catalogTags.sku(scope, code as string)))]
  }
  if (!resourceType || !CATALOG_TYPES.has(resourceType)) return []
  const attributes = body.data?.attributes ?? {}
  const code = resourceType === 'skus' ? text(attributes.code) : text(attributes.sku_code)
  return code ? [catalogTags.list(scope), catalogTags.sku(scope, code)] : [catalogTags.all(scope)]
}
