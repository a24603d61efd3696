import { usesSecureCookies } from '@/lib/auth/session-cookie'
import { env } from '@/lib/env'
import { passRequestHeadersOn } from '@/lib/proxy/pass-request-headers'
import { signValue, verifySignedValue } from '@/lib/security/signed-value'
import type { NextRequest, NextResponse } from 'next/server'

/**
 * The cookie that names a browser's request log: a random id the server made and signed (lib/security/signed-value),
 * httpOnly. It is never a Commerce Layer token and carries no customer, but knowing it lets one read that log: so it
 * is random, and a value the server did not sign (one an attacker planted in a victim's browser to read it later)
 * counts as no log at all and is replaced. It changes at sign-in and sign-out.
 */
export const API_LOG_COOKIE = 'api_log'

const BROWSER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The browser id a cookie value holds, or null for anything the server did not issue. */
export function readApiLogBrowserId(value: string | undefined): string | null {
  const id = verifySignedValue('api-log', value)
  return id !== undefined && BROWSER_ID.test(id) ? id : null
}

/** A new log id, as the cookie carries it. */
export function newApiLogCookieValue(): string {
  return signValue('api-log', crypto.randomUUID())
}

/** Signing in or out through next-auth's own routes: whoever comes next at this browser gets a log of their own. */
function changesWhoIsSignedIn(request: NextRequest): boolean {
  const path = request.nextUrl.pathname
  return request.method === 'POST' && (path === '/api/auth/signout' || path.startsWith('/api/auth/callback/'))
}

/**
 * The proxy's part: runs the proxy's own work (`handle`) and gives a browser without a log its cookie, from its
 * very first request on. Signing in or out starts a new log, so whoever uses this browser next does not read the
 * last shopper's requests, and a log id known before sign-in reads nothing of the customer's. With the log off it only runs `handle`: no cookie.
 */
export async function withApiLogCookie(
  request: NextRequest,
  handle: (request: NextRequest) => Promise<NextResponse>,
): Promise<NextResponse> {
  if (!env().showApiLog) return handle(request)
  if (readApiLogBrowserId(request.cookies.get(API_LOG_COOKIE)?.value) && !changesWhoIsSignedIn(request)) {
    return handle(request)
  }

  const cookieValue = newApiLogCookieValue()
  // For this request's own server code (which records into the log)…
  request.cookies.set(API_LOG_COOKIE, cookieValue)
  const response = passRequestHeadersOn(request, await handle(request))
  // …and for the browser's next requests.
  response.cookies.set(API_LOG_COOKIE, cookieValue, apiLogCookieOptions())
  return response
}

export const apiLogCookieOptions = () => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: usesSecureCookies(),
  path: '/',
})

/**
 * A new log for this browser, from inside a server action (signing out): the page the action renders next
 * already records into it, and the last shopper's requests are out of reach. Nothing when the log is off.
 */
export function startNewApiLog(cookieStore: {
  set(name: string, value: string, options: ReturnType<typeof apiLogCookieOptions>): unknown
}): void {
  if (env().showApiLog) cookieStore.set(API_LOG_COOKIE, newApiLogCookieValue(), apiLogCookieOptions())
}
