import { env } from '@/lib/env'
import { passRequestHeadersOn } from '@/lib/proxy/pass-request-headers'
import { contentSecurityPolicy, newNonce } from './content-security-policy'
import type { NextRequest, NextResponse } from 'next/server'

/**
 * The proxy's part for the Content-Security-Policy: a fresh nonce per request, given to Next.js on the request
 * (it stamps its own inline scripts with it) and the policy sent to the browser on the response.
 */
export async function withSecurityHeaders(
  request: NextRequest,
  handle: (request: NextRequest) => Promise<NextResponse>,
): Promise<NextResponse> {
  const policy = contentSecurityPolicy({
    nonce: newNonce(),
    klarnaLibraryUrl: env().klarna.libraryUrl,
    imageOrigins: env().catalogImageOrigins,
    development: process.env.NODE_ENV === 'development',
    https: request.nextUrl.protocol === 'https:',
  })
  request.headers.set('Content-Security-Policy', policy)
  const response = passRequestHeadersOn(request, await handle(request))
  response.headers.set('Content-Security-Policy', policy)
  return response
}
