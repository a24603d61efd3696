import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Context } from './context'

/** A file served as it is (a script, a stylesheet, a picture), read once at startup, with its ETag. */
export type StaticAsset = { body: Buffer; contentType: string; etag: string }

export function readAsset(file: URL, contentType: string): StaticAsset {
  const body = readFileSync(file)
  return { body, contentType, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` }
}

/** 200 with the file, or 304 when the client already has this version (If-None-Match), with the caller's headers. */
export function sendAsset(ctx: Context, asset: StaticAsset, headers: Record<string, string>): void {
  const all = { ...headers, ETag: asset.etag, 'X-Content-Type-Options': 'nosniff' }
  if (ctx.header('if-none-match') === asset.etag) {
    ctx.res.writeHead(304, all)
    ctx.res.end()
    return
  }
  ctx.res.writeHead(200, { ...all, 'Content-Type': asset.contentType, 'Content-Length': asset.body.length })
  ctx.res.end(asset.body)
}
