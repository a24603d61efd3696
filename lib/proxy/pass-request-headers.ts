import { NextResponse, type NextRequest } from 'next/server'

/**
 * Next.js documents `NextResponse.next({ request })` as the way a proxy passes request changes on to the route (a
 * cookie only set on the response reaches `cookies()` through an undocumented merge its own code marks as partial).
 * So a response that goes on to the route is remade that way, keeping its own headers and cookies; a redirect,
 * which goes back to the browser, is kept as it is.
 */
export function passRequestHeadersOn(request: NextRequest, response: NextResponse): NextResponse {
  if (response.status >= 300 && response.status < 400) return response
  const passedOn = NextResponse.next({ request: { headers: request.headers } })
  response.headers.forEach((value, name) => {
    // Next.js's own instructions (x-middleware-*) are restated by NextResponse.next above; cookies follow.
    if (name !== 'set-cookie' && !name.startsWith('x-middleware-')) passedOn.headers.set(name, value)
  })
  for (const cookie of response.cookies.getAll()) passedOn.cookies.set(cookie)
  return passedOn
}
