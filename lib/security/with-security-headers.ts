import { usesSecureCookies } from '@/lib/auth/session-cookie'
import { env } from '@/lib/env'
import { passRequestHeadersOn } from '@/lib/proxy/pass-request-headers'
import { contentSecurityPolicy, newNonce } from './content-security-policy'
import type { NextRequest, NextResponse } from 'next/server'

/** Two years, subdomains included: what browsers' preload lists ask for. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains'

/**
 * Served over https: the request came in on https (directly or through a proxy that says so), or the shop's own
 * URL (NEXTAUTH_URL) is https, which is what a deployment behind a TLS-terminating proxy configures.
 */
export function servedOverHttps(request: NextRequest): boolean {
  return (
    request.nextUrl.protocol === 'https:' ||
    request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https' ||
    usesSecureCookies()
  )
}

/**
 * The proxy's part for the Content-Security-Policy: a fresh nonce per request, given to Next.js on the request
 * (it stamps its own inline scripts with it) and the policy sent to the browser on the response. Over https,
 * Strict-Transport-Security too, so a browser that came once never tries plain http again.
 */
export async function withSecurityHeaders(
  request: NextRequest,
  handle: (request: NextRequest) => Promise<NextResponse>,
): Promise<NextResponse> {
  const policy = contentSecurityPolicy({
    nonce: newNonce(),
    klarnaLibraryUrl: env().klarna.libraryUrl,
    klarnaMessagingUrl: env().klarna.messaging?.libraryUrl ?? null,
    imageOrigins: env().catalogImageOrigins,
    development: process.env.NODE_ENV === 'development',
    https: request.nextUrl.protocol === 'https:',
  })
  request.headers.set('Content-Security-Policy', policy)
  const response = passRequestHeadersOn(request, await handle(request))
  response.headers.set('Content-Security-Policy', policy)
  if (servedOverHttps(request)) response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY)
  return response
}
