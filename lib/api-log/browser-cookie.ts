import type { NextRequest, NextResponse } from 'next/server'
import { usesSecureCookies } from '@/lib/auth/session-cookie'
import { env } from '@/lib/env'

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
 * The proxy's part: gives a browser without a log its cookie. Next.js lets `cookies()` read, in this same request,
 * a cookie the proxy set on its response, so a browser's very first page is recorded too. Signing out starts a
 * new log, so whoever uses this browser next does not read the last shopper's requests. With the log off, the
 * response is left as it is: no cookie.
 */
export function withApiLogCookie(request: NextRequest, response: NextResponse): NextResponse {
  if (!env().showApiLog) return response
  const signingOut = request.method === 'POST' && request.nextUrl.pathname === '/api/auth/signout'
  if (readApiLogBrowserId(request.cookies.get(API_LOG_COOKIE)?.value) && !signingOut) return response
  response.cookies.set(API_LOG_COOKIE, crypto.randomUUID(), { httpOnly: true, sameSite: 'lax', secure: usesSecureCookies(), path: '/' })
  return response
}
