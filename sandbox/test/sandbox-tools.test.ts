import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestSandbox, type TestSandbox } from './helpers'
import { createClock } from '../src/clock'

const JSON_BODY = { 'Content-Type': 'application/json' }

describe('sandbox doors and the router', () => {
  let sandbox: TestSandbox
  beforeAll(async () => {
    sandbox = await startTestSandbox()
  })
  afterAll(() => sandbox.close())

  it('answers health', async () => {
    const response = await fetch(`${sandbox.origin}/sandbox/health`)
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ status: 'ok' })
  })

  it('logs every request with method, path, query and status', async () => {
    const before = sandbox.requestLog.lastSeq
    await fetch(`${sandbox.origin}/sandbox/health?probe=1`)
    const response = await fetch(`${sandbox.origin}/sandbox/requests?since=${before}`)
    const { data } = (await response.json()) as {
      data: { method: string; path: string; query: string; status: number }[]
    }
    expect(data[0]).toMatchObject({ method: 'GET', path: '/sandbox/health', query: '?probe=1', status: 200 })
  })

  it('moves the clock forward and back', async () => {
    // A clock that stands still at a known instant, so the door's answers can be compared exactly.
    const start = Date.UTC(2026, 0, 15, 12, 0, 0)
    const still = await startTestSandbox({ clock: createClock(start) })
    try {
      const clockDoor = async (body: string) => {
        const answer = await fetch(`${still.origin}/sandbox/clock`, { method: 'POST', headers: JSON_BODY, body })
        return { status: answer.status, body: (await answer.json()) as { now: string } }
      }
      expect(await clockDoor('{"advance_seconds":3600}')).toEqual({
        status: 200,
        body: { now: '2026-01-15T13:00:00.000Z' },
      })
      const health = (await (await fetch(`${still.origin}/sandbox/health`)).json()) as { now: string }
      expect(health.now).toBe('2026-01-15T13:00:00.000Z')
      expect(await clockDoor('{"reset":true}')).toEqual({ status: 200, body: { now: '2026-01-15T12:00:00.000Z' } })
    } finally {
      await still.close()
    }
  })

  it('refuses a malformed clock request and an unknown route', async () => {
    expect(
      (await fetch(`${sandbox.origin}/sandbox/clock`, { method: 'POST', headers: JSON_BODY, body: 'nope' })).status,
    ).toBe(400)
    expect(
      (await fetch(`${sandbox.origin}/sandbox/clock`, { method: 'POST', headers: JSON_BODY, body: 'null' })).status,
    ).toBe(400)
    expect((await fetch(`${sandbox.origin}/nowhere`)).status).toBe(404)
  })

  it('says which methods a path allows', async () => {
    const response = await fetch(`${sandbox.origin}/sandbox/health`, { method: 'PUT' })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET')
  })

  it('refuses a body over 1 MB with 413', async () => {
    const response = await fetch(`${sandbox.origin}/sandbox/clock`, {
      method: 'POST',
      headers: JSON_BODY,
      body: 'x'.repeat(1024 * 1024 + 1),
    })
    expect(response.status).toBe(413)
  })

  it('answers a request line over 16 KB with 431 in the shape of the API it was for', async () => {
    const long = (path: string) => fetch(`${sandbox.origin}${path}?q=${'x'.repeat(20_000)}`)
    const api = await long('/api/skus')
    expect(api.status).toBe(431)
    expect(api.headers.get('content-type')).toBe('application/vnd.api+json')
    expect(await api.json()).toEqual({
      errors: [expect.objectContaining({ code: 'REQUEST_HEADER_FIELDS_TOO_LARGE', status: '431' })],
    })
    const auth = await long('/oauth/token')
    expect(await auth.json()).toEqual({
      errors: [expect.objectContaining({ code: 'REQUEST_HEADER_FIELDS_TOO_LARGE', status: 431 })],
    })
    const klarna = await long('/klarna/payments/v1/sessions/x')
    expect(await klarna.json()).toEqual({
      correlation_id: expect.any(String),
      error_code: 'BAD_REQUEST',
      error_messages: [expect.stringContaining('16 KB')],
    })
    expect((await fetch(`${sandbox.origin}/sandbox/health`)).status).toBe(200)
  })
})

describe('the request log keeps bodies, without secrets', () => {
  let sandbox: TestSandbox
  beforeAll(async () => {
    sandbox = await startTestSandbox()
  })
  afterAll(() => sandbox.close())

  it('records a JSON body with passwords and tokens redacted', async () => {
    const before = sandbox.requestLog.lastSeq
    await fetch(`${sandbox.origin}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'password',
        username: 'new@example.com',
        password: 'demo1234',
        client_id: 'sandbox-storefront',
        scope: 'market:code:europe',
      }),
    })
    const [entry] = sandbox.requestLog.list(before)
    expect(JSON.parse(entry?.body ?? '{}')).toMatchObject({
      grant_type: 'password',
      username: 'new@example.com',
      password: '[redacted]',
    })
    expect(entry?.body).not.toContain('demo1234')
  })

  it('records nothing for a request without a body', async () => {
    const before = sandbox.requestLog.lastSeq
    await fetch(`${sandbox.origin}/sandbox/health`)
    expect(sandbox.requestLog.list(before)[0]?.body).toBeUndefined()
  })
})

describe('staged faults', () => {
  let sandbox: TestSandbox
  beforeAll(async () => {
    sandbox = await startTestSandbox()
  })
  afterAll(() => sandbox.close())

  const post = (body: unknown) =>
    fetch(`${sandbox.origin}/sandbox/faults`, { method: 'POST', headers: JSON_BODY, body: JSON.stringify(body) })

  it('cuts Commerce Layer connections during an outage, keeps its own doors, and recovers', async () => {
    expect((await post({ outage_seconds: 60 })).status).toBe(200)
    await expect(fetch(`${sandbox.origin}/api/skus`)).rejects.toThrow()
    expect((await fetch(`${sandbox.origin}/sandbox/health`)).status).toBe(200)
    expect((await post({ outage_seconds: 0 })).status).toBe(200)
    expect((await fetch(`${sandbox.origin}/api/skus`)).status).toBe(401)
  })

  it('adds latency to Commerce Layer answers only', async () => {
    // Observed as order, not measured against a threshold: a Core API request sent first is still waiting out
    // its latency when a sandbox door asked after it has answered, and then it is answered, not dropped.
    expect((await post({ latency_ms: 1500 })).status).toBe(200)
    let apiAnswered = false
    const api = fetch(`${sandbox.origin}/api/skus`).then((response) => {
      apiAnswered = true
      return response.status
    })
    expect((await fetch(`${sandbox.origin}/sandbox/health`)).status).toBe(200)
    expect(apiAnswered).toBe(false)
    expect(await api).toBe(401)
    await post({ reset: true })
    expect(await (await fetch(`${sandbox.origin}/sandbox/faults`)).json()).toMatchObject({
      latency_ms: 0,
      outage_until: null,
    })
  })

  it('refuses what it cannot stage', async () => {
    expect((await post({})).status).toBe(400)
    expect((await post({ latency_ms: -1 })).status).toBe(400)
    expect((await post({ outage_seconds: 'long' })).status).toBe(400)
  })
})

describe('the doors refuse what a web page could send them', () => {
  let sandbox: TestSandbox
  beforeAll(async () => {
    sandbox = await startTestSandbox({ hostNames: ['sandbox.internal'] })
  })
  afterAll(() => sandbox.close())

  /** node:http, because fetch will not send a Host header of our choosing. */
  const send = (path: string, options: { method?: string; host?: string; headers?: Record<string, string> } = {}) =>
    new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
      const { port } = new URL(sandbox.origin)
      const request = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path,
          method: options.method ?? 'GET',
          headers: { host: options.host ?? `127.0.0.1:${port}`, ...options.headers },
        },
        (response) => {
          let body = ''
          response.on('data', (chunk: Buffer) => (body += chunk.toString()))
          response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }))
        },
      )
      request.on('error', reject)
      request.end(options.method === 'POST' ? '{"outage_seconds": 30}' : undefined)
    })

  it('refuses a cross-site text/plain POST to a door, and stages nothing', async () => {
    const staged = await send('/sandbox/faults', {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://evil.example' },
    })
    expect(staged.status).toBe(415)
    expect(staged.headers['access-control-allow-origin']).toBeUndefined()
    expect(await (await fetch(`${sandbox.origin}/sandbox/faults`)).json()).toMatchObject({ outage_until: null })
    for (const path of ['/sandbox/clock', '/klarna/sandbox/sessions/any/authorize']) {
      expect((await send(path, { method: 'POST', headers: { 'content-type': 'text/plain' } })).status).toBe(415)
    }
  })

  it('refuses a foreign Host (DNS rebinding), on reads too', async () => {
    for (const path of ['/sandbox/requests', '/klarna/sandbox/orders', '/sandbox/health']) {
      const rebound = await send(path, { host: 'evil.example:3001' })
      expect(rebound.status, path).toBe(403)
      expect(rebound.body).not.toContain('"data"')
    }
  })

  it('answers under loopback names and its configured one', async () => {
    for (const host of ['localhost:3001', '127.0.0.1', '[::1]:3001', 'sandbox.internal:3001', 'SANDBOX.internal']) {
      expect((await send('/sandbox/requests', { host })).status, host).toBe(200)
    }
  })

  it('leaves the Commerce Layer and Klarna APIs to their own rules', async () => {
    expect((await send('/api/skus', { host: 'evil.example' })).status).toBe(401)
  })
})
