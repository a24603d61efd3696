import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import type { ApiCall } from './api'
import type { Router } from '../http/router'

/**
 * The catalogue's pictures, as a merchant's image CDN serves them: on a real organization `sku.image_url` is an
 * absolute URL of the merchant's choosing, so the sandbox stores a path under `/cdn/` and answers it made absolute.
 */

export const IMAGE_PATH_PREFIX = '/cdn/products/'

type Picture = { body: Buffer; etag: string }

const folder = new URL('./assets/products/', import.meta.url)
const pictures = new Map<string, Picture>(
  readdirSync(folder)
    .filter((file) => file.endsWith('.svg'))
    .map((file) => {
      const body = readFileSync(new URL(file, folder))
      return [file, { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` }]
    }),
)

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
    const headers = {
      'Cache-Control': 'public, max-age=3600',
      ETag: picture.etag,
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Resource-Policy': 'cross-origin',
    }
    if (ctx.header('if-none-match') === picture.etag) {
      ctx.res.writeHead(304, headers)
      return void ctx.res.end()
    }
    ctx.res.writeHead(200, { ...headers, 'Content-Type': 'image/svg+xml', 'Content-Length': picture.body.length })
    ctx.res.end(picture.body)
  })
}
