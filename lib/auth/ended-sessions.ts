import { createHash } from 'node:crypto'
import { revokeToken } from '@/lib/commerce-layer/token'
import { sharedStore } from '@/lib/security/shared-store'
import { SESSION_MAX_AGE_SECONDS } from './session-cookie'
import type { CustomerTokens } from './customer-token'

/**
 * A session is a JWT in the browser's cookie, so deleting the cookie at sign-out does not end it: a copy saved
 * before (a stolen cookie, a shared computer's backup) would still work. So signing out ends it where it matters:
 * Commerce Layer revokes the customer's tokens, and the shared store remembers the access token as ended (the proxy
 * and `currentCustomer` then treat a replayed cookie as signed out, without asking Commerce Layer). A token Commerce
 * Layer refuses with 401 is remembered the same way, so even a replay this store forgot (a restart) ends at its
 * first request.
 */

/** Remembered for as long as a customer access token can live: it is refused by its own expiry after that. */
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000

const endedKey = (accessToken: string) => `ended:${createHash('sha256').update(accessToken).digest('base64url')}`

export async function endCustomerSession(tokens: CustomerTokens): Promise<void> {
  await rememberEndedToken(tokens.accessToken, tokens.accessTokenExpiresAt - Date.now())
  const revoked = await Promise.allSettled([revokeToken(tokens.refreshToken), revokeToken(tokens.accessToken)])
  for (const result of revoked) {
    // Signing out goes on: the cookie goes, and the store already refuses the session.
    if (result.status === 'rejected') console.error('Could not revoke a token at sign-out:', result.reason)
  }
}

export async function rememberEndedToken(accessToken: string, ttlMs = FORGET_AFTER_MS): Promise<void> {
  await sharedStore().mark(endedKey(accessToken), Math.min(Math.max(ttlMs, 60_000), FORGET_AFTER_MS))
}

export async function hasEnded(accessToken: string): Promise<boolean> {
  try {
    return await sharedStore().isMarked(endedKey(accessToken))
  } catch (error) {
    // The store is unreachable (Redis down): Commerce Layer still refuses revoked tokens, so the shop goes on.
    console.error('Could not check for an ended session:', error)
    return false
  }
}

/** Signed in longer ago than the session's absolute bound: over, however active it has been. */
export function outlivedItsBound(signedInAt: number | undefined, now = Date.now()): boolean {
  return signedInAt === undefined || now - signedInAt >= SESSION_MAX_AGE_SECONDS * 1000
}

/** What is left of the absolute bound, in seconds, for the cookie's Max-Age. */
export function secondsLeft(signedInAt: number, now = Date.now()): number {
  return Math.max(0, Math.floor((signedInAt + SESSION_MAX_AGE_SECONDS * 1000 - now) / 1000))
}
