import { usesSecureCookies } from '@/lib/auth/session-cookie'
import { env } from '@/lib/env'
import { passRequestHeadersOn } from '@/lib/proxy/pass-request-headers'
import type { NextRequest, NextResponse } from 'next/server'

/**
 * The cookie that names a browser's request log: a random id, httpOnly, and nothing else. It is never a Commerce
 * Layer token and carries no customer: knowing it lets one read that log, which is why it is random and httpOnly.
 */
export const API_LOG_COOKIE = 'api_log'

const BROWSER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The browser id a cookie value holds, or null for anything that is not one we could have made. */
export function readApiLogBrowserId(value: string | undefined): string | null {
  return value !== undefined && BROWSER_ID.test(value) ? value : null
}

/**
 * The proxy's part: runs the proxy's own work (`handle`) and gives a browser without a log its cookie, from its
 * very first request on. Signing out starts a new log, so whoever uses this browser next does not read the last
 * shopper's requests. With the log off it only runs `handle`: no cookie.
 */
export async function withApiLogCookie(
  request: NextRequest,
  handle: (request: NextRequest) => Promise<NextResponse>,
): Promise<NextResponse> {
  if (!env().showApiLog) return handle(request)
  const signingOut = request.method === 'POST' && request.nextUrl.pathname === '/api/auth/signout'
  if (readApiLogBrowserId(request.cookies.get(API_LOG_COOKIE)?.value) && !signingOut) return handle(request)

  const browserId = crypto.randomUUID()
  // For this request's own server code (which records into the log)…
  request.cookies.set(API_LOG_COOKIE, browserId)
  const response = passRequestHeadersOn(request, await handle(request))
  // …and for the browser's next requests.
  response.cookies.set(API_LOG_COOKIE, browserId, apiLogCookieOptions())
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
  if (env().showApiLog) cookieStore.set(API_LOG_COOKIE, crypto.randomUUID(), apiLogCookieOptions())
}
