import { createHmac, timingSafeEqual } from 'node:crypto'
import { env } from '@/lib/env'

/**
 * Cookie values the server wrote and will only take back from itself: `<value>.<HMAC-SHA256>`, keyed by the session
 * secret and a purpose, so a value signed for one cookie is worthless in another. A value a browser made up (a
 * known order id, a guessed log id) fails the check and reads as no value at all.
 */

export type SignedPurpose = 'api-log' | 'cart' | 'placed-orders'

function signature(purpose: SignedPurpose, value: string, secret: string): string {
  return createHmac('sha256', secret).update(`${purpose}\n${value}`).digest('base64url')
}

export function signValue(purpose: SignedPurpose, value: string, secret = env().authSecret): string {
  return `${value}.${signature(purpose, value, secret)}`
}

/** The value inside a signed cookie, or undefined when it is missing, unsigned or signed by someone else. */
export function verifySignedValue(
  purpose: SignedPurpose,
  signed: string | undefined,
  secret = env().authSecret,
): string | undefined {
  if (!signed) return undefined
  const dot = signed.lastIndexOf('.')
  if (dot <= 0) return undefined
  const value = signed.slice(0, dot)
  const given = Buffer.from(signed.slice(dot + 1))
  const expected = Buffer.from(signature(purpose, value, secret))
  return given.length === expected.length && timingSafeEqual(given, expected) ? value : undefined
}
