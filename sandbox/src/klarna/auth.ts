import { timingSafeEqual } from 'node:crypto'
import { HttpError } from '../http/errors'
import { KLARNA_SANDBOX_API_KEY, KLARNA_SANDBOX_API_SECRET } from '../seed-constants'
import { klarnaError } from './errors'
import type { Context } from '../http/context'

const expected = Buffer.from(`${KLARNA_SANDBOX_API_KEY}:${KLARNA_SANDBOX_API_SECRET}`)

/**
 * Klarna's REST API takes HTTP Basic auth with the merchant's API key and secret. The Commerce Layer stand-in's
 * seeded Klarna gateway holds exactly these, so a 401 here means its adapter sent the wrong ones.
 */
export function requireMerchantCredentials(ctx: Context): void {
  const header = ctx.header('authorization') ?? ''
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header)
  const given = match ? Buffer.from(match[1] as string, 'base64') : Buffer.alloc(0)
  if (given.length === expected.length && timingSafeEqual(given, expected)) return
  const error = klarnaError(
    401,
    'UNAUTHORIZED',
    'Missing or invalid credentials: use HTTP Basic auth with the API key and secret.',
  )
  throw new HttpError(error.status, error.body, error.contentType, {
    'WWW-Authenticate': 'Basic realm="Klarna sandbox"',
  })
}
