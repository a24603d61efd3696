import { NextResponse, type NextRequest } from 'next/server'

/**
 * Requests the proxy answers itself, with a 4xx, before any route sees them: what Next.js would otherwise let
 * reach its server-action handler only to fail there with a 500.
 * - A write from another origin (a page elsewhere posting a form or a fetch to the shop, with the shopper's cookies):
 *   403. A request with no Origin (a server, curl) is left to the route, as Next.js leaves it.
 * - A server-action request that cannot be one: another method than POST (405), a body of another type (415), or a
 *   text body that is not the JSON the client always sends (400).
 */
export async function refuseForgedRequest(request: NextRequest): Promise<NextResponse | undefined> {
  const isWrite = !['GET', 'HEAD', 'OPTIONS'].includes(request.method)
  if (isWrite && isCrossOrigin(request)) return refusal(403, 'This request came from another site.')

  if (!request.headers.has('next-action')) return undefined
  if (request.method !== 'POST') return refusal(405, 'A server action is sent with POST.')
  const contentType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase()
  if (contentType === 'multipart/form-data') return undefined
  if (contentType !== 'text/plain') return refusal(415, 'A server action is sent as text/plain or multipart/form-data.')
  try {
    JSON.parse(await request.clone().text())
    return undefined
  } catch {
    return refusal(400, 'This server action request is malformed.')
  }
}

/** The Origin's host against the host the shop was asked under (a forwarding proxy's, as Next.js compares). */
function isCrossOrigin(request: NextRequest): boolean {
  const origin = request.headers.get('origin')
  if (origin === null) return false
  const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || request.headers.get('host')
  try {
    return origin === 'null' || new URL(origin).host !== host
  } catch {
    return true
  }
}

function refusal(status: number, message: string): NextResponse {
  return new NextResponse(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}
