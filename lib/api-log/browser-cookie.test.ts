import { NextRequest, NextResponse } from 'next/server'
import { beforeEach, describe, expect, it, vi } from 'vitest'

const config = vi.hoisted(() => ({ showApiLog: true }))
vi.mock('@/lib/env', () => ({
  env: () => ({ showApiLog: config.showApiLog, authSecret: 'test-secret-test-secret-test-secret-test' }),
}))

const { API_LOG_COOKIE, readApiLogBrowserId, withApiLogCookie } = await import('./browser-cookie')
const { signValue } = await import('@/lib/security/signed-value')

const BROWSER_ID = '0b5f8a52-6a4e-4f0e-9d55-3f1c1c7f2b10'
const KNOWN_ID = signValue('api-log', BROWSER_ID)

function requestTo(path: string, { method = 'GET', cookie }: { method?: string; cookie?: string } = {}) {
  return new NextRequest(`http://localhost:3000${path}`, { method, headers: cookie ? { cookie } : {} })
}

/** What the proxy's own work saw of the api_log cookie, and the response it made. */
function recordingHandler(respond: () => NextResponse = () => NextResponse.next()) {
  const seen: (string | undefined)[] = []
  const handle = async (request: NextRequest) => {
    seen.push(request.cookies.get(API_LOG_COOKIE)?.value)
    return respond()
  }
  return { seen, handle }
}

beforeEach(() => {
  config.showApiLog = true
})

describe('withApiLogCookie', () => {
  it('gives a new browser a random httpOnly id, which this same request already carries on', async () => {
    const { seen, handle } = recordingHandler()
    const response = await withApiLogCookie(requestTo('/products/MUG-STONE-350'), handle)

    const cookie = response.cookies.get(API_LOG_COOKIE)
    expect(readApiLogBrowserId(cookie?.value)).toMatch(/^[0-9a-f-]{36}$/)
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/' })
    expect(seen).toEqual([cookie?.value])
    // Passed on to the route as part of the request (Next.js's request override), not only set on the response.
    expect(response.headers.get('x-middleware-request-cookie')).toContain(`${API_LOG_COOKIE}=${cookie?.value}`)
  })

  it("keeps what the proxy's own work put on the response", async () => {
    const { handle } = recordingHandler(() => {
      const inner = NextResponse.next()
      inner.headers.set('x-frame-options', 'DENY')
      inner.cookies.set('next-auth.session-token', 'fresh')
      return inner
    })
    const response = await withApiLogCookie(requestTo('/'), handle)
    expect(response.headers.get('x-frame-options')).toBe('DENY')
    expect(response.cookies.get('next-auth.session-token')?.value).toBe('fresh')
    expect(response.cookies.get(API_LOG_COOKIE)).toBeDefined()
  })

  it('keeps a redirect a redirect', async () => {
    const { handle } = recordingHandler(() => NextResponse.redirect('http://localhost:3000/signin?reason=expired'))
    const response = await withApiLogCookie(requestTo('/account'), handle)
    expect(response.status).toBe(307)
    expect(response.headers.get('location')).toBe('http://localhost:3000/signin?reason=expired')
    expect(response.cookies.get(API_LOG_COOKIE)).toBeDefined()
  })

  it('leaves a browser that has its id alone, and replaces an id it did not get from us', async () => {
    const inner = NextResponse.next()
    const kept = await withApiLogCookie(requestTo('/', { cookie: `${API_LOG_COOKIE}=${KNOWN_ID}` }), async () => inner)
    expect(kept).toBe(inner)
    expect(kept.cookies.get(API_LOG_COOKIE)).toBeUndefined()

    const replaced = await withApiLogCookie(requestTo('/', { cookie: `${API_LOG_COOKIE}=guessed` }), async () =>
      NextResponse.next(),
    )
    expect(readApiLogBrowserId(replaced.cookies.get(API_LOG_COOKIE)?.value)).not.toBeNull()
  })

  it('replaces a planted id: a well-formed UUID the server did not sign reads as no log', async () => {
    expect(readApiLogBrowserId(BROWSER_ID)).toBeNull()
    const { seen, handle } = recordingHandler()
    const response = await withApiLogCookie(requestTo('/', { cookie: `${API_LOG_COOKIE}=${BROWSER_ID}` }), handle)
    const issued = response.cookies.get(API_LOG_COOKIE)?.value
    expect(readApiLogBrowserId(issued)).not.toBe(BROWSER_ID)
    expect(seen).toEqual([issued])
  })

  it('starts a new log when the shopper signs in', async () => {
    const response = await withApiLogCookie(
      requestTo('/api/auth/callback/credentials', { method: 'POST', cookie: `${API_LOG_COOKIE}=${KNOWN_ID}` }),
      async () => NextResponse.next(),
    )
    const id = response.cookies.get(API_LOG_COOKIE)?.value
    expect(readApiLogBrowserId(id)).not.toBeNull()
    expect(readApiLogBrowserId(id)).not.toBe(BROWSER_ID)
  })

  it('starts a new log when the shopper signs out', async () => {
    const response = await withApiLogCookie(
      requestTo('/api/auth/signout', { method: 'POST', cookie: `${API_LOG_COOKIE}=${KNOWN_ID}` }),
      async () => NextResponse.next(),
    )
    const id = response.cookies.get(API_LOG_COOKIE)?.value
    expect(readApiLogBrowserId(id)).not.toBeNull()
    expect(id).not.toBe(KNOWN_ID)
  })

  it('sets nothing when the log is off', async () => {
    config.showApiLog = false
    const { seen, handle } = recordingHandler()
    const response = await withApiLogCookie(requestTo('/'), handle)
    expect(seen).toEqual([undefined])
    expect(response.cookies.get(API_LOG_COOKIE)).toBeUndefined()
  })
})
