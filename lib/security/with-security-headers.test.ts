import { NextRequest, NextResponse } from 'next/server'
import { afterEach, describe, expect, it, vi } from 'vitest'

vi.mock('@/lib/env', () => ({
  env: () => ({
    klarna: { libraryUrl: 'http://localhost:3001/klarna/kp/lib/v1/api.js', messaging: null },
    catalogImageOrigins: ['http://localhost:3001'],
  }),
}))

const { STRICT_TRANSPORT_SECURITY, withSecurityHeaders } = await import('./with-security-headers')

const served = (url: string, headers: Record<string, string> = {}) =>
  withSecurityHeaders(new NextRequest(url, { headers }), async () => NextResponse.next())

afterEach(() => vi.unstubAllEnvs())

describe('Strict-Transport-Security', () => {
  it('is sent over https: direct, forwarded by a proxy, or when the shop’s URL is https', async () => {
    expect((await served('https://shop.example/')).headers.get('strict-transport-security')).toBe(
      STRICT_TRANSPORT_SECURITY,
    )
    expect(
      (await served('http://shop.internal/', { 'x-forwarded-proto': 'https' })).headers.get(
        'strict-transport-security',
      ),
    ).toBe(STRICT_TRANSPORT_SECURITY)
    vi.stubEnv('NEXTAUTH_URL', 'https://shop.example')
    expect((await served('http://127.0.0.1:3000/')).headers.get('strict-transport-security')).toBe(
      STRICT_TRANSPORT_SECURITY,
    )
  })

  it('is not sent over plain http (a browser would ignore it, and localhost must stay reachable)', async () => {
    vi.stubEnv('NEXTAUTH_URL', 'http://localhost:3000')
    expect((await served('http://localhost:3000/')).headers.get('strict-transport-security')).toBeNull()
  })
})
