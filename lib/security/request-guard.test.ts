import { NextRequest } from 'next/server'
import { describe, expect, it } from 'vitest'
import { refuseForgedRequest } from './request-guard'

const ACTION = { 'next-action': '7f'.repeat(21) }

function request(method: string, headers: Record<string, string>, body?: string) {
  return new NextRequest('http://localhost:3000/checkout', {
    method,
    headers: { host: 'localhost:3000', ...headers },
    body,
  })
}

const statusOf = async (candidate: NextRequest) => (await refuseForgedRequest(candidate))?.status ?? 'passed on'

describe('refuseForgedRequest', () => {
  it('passes on same-origin actions, origin-less requests and every read', async () => {
    expect(
      await statusOf(
        request('POST', { ...ACTION, origin: 'http://localhost:3000', 'content-type': 'text/plain' }, '[]'),
      ),
    ).toBe('passed on')
    expect(await statusOf(request('POST', { 'content-type': 'application/json' }, '{}'))).toBe('passed on')
    expect(await statusOf(request('GET', { origin: 'https://evil.example' }))).toBe('passed on')
    expect(
      await statusOf(
        request(
          'POST',
          {
            ...ACTION,
            origin: 'https://shop.example',
            'x-forwarded-host': 'shop.example',
            'content-type': 'text/plain',
          },
          '[]',
        ),
      ),
    ).toBe('passed on')
  })

  it('refuses a write from another origin with 403', async () => {
    expect(
      await statusOf(
        request('POST', { ...ACTION, origin: 'https://evil.example', 'content-type': 'text/plain' }, '[]'),
      ),
    ).toBe(403)
    expect(
      await statusOf(request('POST', { origin: 'null', 'content-type': 'multipart/form-data; boundary=x' }, '')),
    ).toBe(403)
    expect(await statusOf(request('DELETE', { origin: 'http://localhost:3001' }))).toBe(403)
  })

  it('refuses a malformed action request with a 4xx', async () => {
    expect(await statusOf(request('PUT', { ...ACTION, 'content-type': 'text/plain' }, '[]'))).toBe(405)
    expect(await statusOf(request('POST', { ...ACTION, 'content-type': 'application/xml' }, '<a/>'))).toBe(415)
    expect(await statusOf(request('POST', { ...ACTION, 'content-type': 'text/plain' }, '["unterminated'))).toBe(400)
  })
})
