import { NextResponse, type NextRequest } from 'next/server'
import { decode, encode } from 'next-auth/jwt'
import { withApiLogCookie } from '@/lib/api-log/browser-cookie'
import { needsRefresh, refreshCustomerTokens } from '@/lib/auth/customer-token'
import {
  readSessionCookie,
  SESSION_MAX_AGE_SECONDS,
  sessionCookieName,
  sessionCookieParts,
  usesSecureCookies,
} from '@/lib/auth/session-cookie'
import { CART_COOKIE, CART_COUNT_COOKIE } from '@/lib/cart-cookie'
import { AuthError } from '@/lib/commerce-layer/token'
import { env } from '@/lib/env'
import { withSecurityHeaders } from '@/lib/security/with-security-headers'

export async function proxy(request: NextRequest) {
  // Every page gets its Content-Security-Policy (lib/security); the Developer panel's request log needs its
  // cookie from the browser's first request on (lib/api-log).
  return withSecurityHeaders(request, (forwarded) => withApiLogCookie(forwarded, keepCustomerTokensFresh))
}

/**
 * Runs before every page, route handler and server action. It keeps a signed-in customer's Commerce Layer
 * access token fresh: here, unlike in a server component, the rotated tokens can be written back to the
 * cookie. The refresh is shared by concurrent requests (see customer-token.ts); a refresh Commerce Layer
 * refuses ends the session, and a page request is sent to /signin with a message.
 */
async function keepCustomerTokensFresh(request: NextRequest) {
  const secure = usesSecureCookies()
  const cookieName = sessionCookieName(secure)
  const raw = readSessionCookie(request.cookies.getAll(), cookieName)
  if (!raw) return NextResponse.next()

  const secret = env().authSecret
  const payload = await decode({ token: raw, secret }).catch(() => null)
  if (!payload?.tokens || !needsRefresh(payload.tokens)) return NextResponse.next()

  const existingNames = request.cookies.getAll().map((cookie) => cookie.name)
  try {
    const tokens = await refreshCustomerTokens(payload.tokens)
    const value = await encode({ token: { ...payload, tokens }, secret, maxAge: SESSION_MAX_AGE_SECONDS })
    const { parts, stale } = sessionCookieParts(value, cookieName, existingNames)

    // The fresh cookie, for this request's own server code…
    for (const part of parts) request.cookies.set(part.name, part.value)
    for (const name of stale) request.cookies.delete(name)
    const response = NextResponse.next({ request: { headers: request.headers } })
    // …and for the browser's next requests.
    for (const part of parts) {
      response.cookies.set(part.name, part.value, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: '/',
        maxAge: SESSION_MAX_AGE_SECONDS,
      })
    }
    for (const name of stale) response.cookies.delete(name)
    return response
  } catch (error) {
    // Commerce Layer could not be reached: keep the session and try again on the next request.
    if (!(error instanceof AuthError) || error.status >= 500) return NextResponse.next()
    return endSession(
      request,
      existingNames.filter((name) => name === cookieName || name.startsWith(`${cookieName}.`)),
    )
  }
}

function endSession(request: NextRequest, sessionCookies: string[]) {
  for (const name of sessionCookies) request.cookies.delete(name)
  const isPageNavigation = request.method === 'GET' && !request.nextUrl.pathname.startsWith('/api/')
  let response: NextResponse
  if (isPageNavigation) {
    const signIn = new URL('/signin', request.url)
    signIn.searchParams.set('reason', 'expired')
    signIn.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search)
    response = NextResponse.redirect(signIn)
  } else {
    response = NextResponse.next({ request: { headers: request.headers } })
  }
  for (const name of sessionCookies) response.cookies.delete(name)
  // The cart belonged to the customer; a guest starts a new one.
  response.cookies.delete(CART_COOKIE)
  response.cookies.delete(CART_COUNT_COOKIE)
  return response
}

export const config = {
  // Everything but static files, pictures and the health check.
  matcher: ['/((?!_next/static|_next/image|favicon\\.ico|api/health|.*\\.svg$).*)'],
}
