import 'server-only'
import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'
import { decode } from 'next-auth/jwt'
import { env } from '@/lib/env'
import { isExpired, type CustomerTokens } from './customer-token'
import { hasEnded, outlivedItsBound } from './ended-sessions'
import { readSessionCookie, sessionCookieName, usesSecureCookies } from './session-cookie'

/**
 * The signed-in customer of this request, with their Commerce Layer tokens, or null for a guest.
 * Reads next-auth's encrypted cookie on the server; an access token that has expired (the proxy could not
 * refresh it), a session that was signed out (a replayed cookie) or outlived its bound counts as signed out
 * rather than failing later with a 401.
 */
export async function currentCustomer(): Promise<CustomerTokens | null> {
  const store = await cookies()
  const raw = readSessionCookie(store.getAll(), sessionCookieName(usesSecureCookies()))
  if (!raw) return null
  try {
    const payload = await decode({ token: raw, secret: env().authSecret })
    const tokens = payload?.tokens
    if (!tokens || isExpired(tokens) || outlivedItsBound(payload.signedInAt)) return null
    if (await hasEnded(tokens.accessToken)) return null
    return tokens
  } catch {
    return null
  }
}

/**
 * For pages only a signed-in customer may see: the customer, or a redirect to /signin that comes back
 * to `returnPath` afterwards.
 */
export async function requireCustomer(returnPath: string): Promise<CustomerTokens> {
  const customer = await currentCustomer()
  if (!customer) redirect(`/signin?reason=account&callbackUrl=${encodeURIComponent(returnPath)}`)
  return customer
}
