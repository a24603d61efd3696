import { readdirSync } from 'node:fs'
import { readAsset, sendAsset, type StaticAsset } from '../http/static-asset'
import type { ApiCall } from './api'
import type { Router } from '../http/router'

/**
 * The catalogue's pictures, as a merchant's image CDN serves them: on a real organization `sku.image_url` is an
 * absolute URL of the merchant's choosing, so the sandbox stores a path under `/cdn/` and answers it made absolute.
 */

export const IMAGE_PATH_PREFIX = '/cdn/products/'

const folder = new URL('./assets/products/', import.meta.url)
const pictures = new Map<string, StaticAsset>(
  readdirSync(folder)
    .filter((file) => file.endsWith('.svg'))
    .map((file) => [file, readAsset(new URL(file, folder), 'image/svg+xml')]),
)

/** Like an image CDN: cacheable, and loadable by pages of any origin. */
const IMAGE_HEADERS = { 'Cache-Control': 'public, max-age=3600', 'Cross-Origin-Resource-Policy': 'cross-origin' }

/** The stored path of a SKU's picture. */
export const imagePath = (skuCode: string) => `${IMAGE_PATH_PREFIX}${skuCode.toLowerCase()}.svg`

/**
 * A stored URL as clients get it: a path becomes absolute on the sandbox's public origin (`SANDBOX_PUBLIC_URL`,
 * else the origin the request came in by); an absolute URL stays as it is.
 */
export function absoluteUrl(call: ApiCall, stored: unknown): string | null {
  if (typeof stored !== 'string') return null
  if (!stored.startsWith('/')) return stored
  return `${call.api.services.publicUrl ?? call.ctx.origin}${stored}`
}

export function registerImageRoutes(router: Router): void {
  router.get(`${IMAGE_PATH_PREFIX}:file`, (ctx) => {
    const picture = pictures.get(ctx.params.file as string)
    if (!picture) return ctx.send(404, { error: 'Not found', detail: `No picture ${ctx.path}.` })
    sendAsset(ctx, picture, IMAGE_HEADERS)
  })
}
