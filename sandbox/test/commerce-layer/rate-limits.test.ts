import { afterEach, describe, expect, it } from 'vitest'
import { RateLimits } from '../../src/rate-limits'
import { startTestSandbox, type TestSandbox } from '../helpers'
import { api, expectStatus, guestToken, requestToken } from './api-helpers'
import { createOrder } from './checkout'

/** Commerce Layer's per-IP limits (`SANDBOX_RATE_LIMITS=1`), on a clock the test moves. */
describe('rate limits', () => {
  let sandbox: TestSandbox | undefined
  let now = 1_000_000
  afterEach(async () => {
    await sandbox?.close()
    sandbox = undefined
  })
  const limited = async () => {
    now = 1_000_000
    sandbox = await startTestSandbox({ rateLimits: new RateLimits(undefined, () => now) })
    return sandbox.origin
  }

  it('are off by default', async () => {
    sandbox = await startTestSandbox()
    for (let i = 0; i < 35; i++)
      expect((await requestToken(sandbox.origin, { grant_type: 'client_credentials' })).status).toBe(200)
  })

  it('/oauth/token: 30 a minute, then a 429 with the four headers, in the auth host shape', async () => {
    const origin = await limited()
    for (let i = 0; i < 30; i++) {
      const answer = await requestToken(origin, { grant_type: 'client_credentials' })
      expect(answer.status).toBe(200)
      expect(answer.headers.get('x-ratelimit-remaining')).toBe(String(29 - i))
    }
    now += 20_000
    const refused = await requestToken(origin, { grant_type: 'client_credentials' })
    expect(refused.status).toBe(429)
    expect(refused.headers.get('x-ratelimit-limit')).toBe('30')
    expect(refused.headers.get('x-ratelimit-interval')).toBe('60')
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0')
    expect(refused.headers.get('retry-after')).toBe('40')
    expect(refused.headers.get('x-ratelimit-reset')).toBeNull()
    expect(refused.body.errors).toEqual([expect.objectContaining({ status: 429, code: 'TOO_MANY_REQUESTS' })])
  })

  it('slide: a window frees what left it, not everything at a reset', async () => {
    const origin = await limited()
    for (let i = 0; i < 20; i++) await requestToken(origin, { grant_type: 'client_credentials' })
    now += 30_000
    for (let i = 0; i < 10; i++) await requestToken(origin, { grant_type: 'client_credentials' })
    now += 31_000 // the first 20 are out of the window, the last 10 are not
    for (let i = 0; i < 20; i++)
      expect((await requestToken(origin, { grant_type: 'client_credentials' })).status).toBe(200)
    expect((await requestToken(origin, { grant_type: 'client_credentials' })).status).toBe(429)
  })

  it('reads: the uncacheable burst is per endpoint, the catalogue is counted apart', async () => {
    const origin = await limited()
    const token = await guestToken(origin)
    const order = await createOrder(origin, token)
    for (let i = 0; i < 50; i++) expectStatus(await api(origin, token, 'GET', `orders/${order.id}`), 200)
    const refused = await api(origin, token, 'GET', `orders/${order.id}`)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('x-ratelimit-limit')).toBe('50')
    expect(refused.headers.get('x-ratelimit-interval')).toBe('10')
    expect(refused.body.errors?.[0]).toMatchObject({ status: '429', code: 'TOO_MANY_REQUESTS' })
    // Another class, and another endpoint of the same class, still have room.
    expectStatus(await api(origin, token, 'GET', 'skus'), 200)
    expectStatus(await api(origin, token, 'GET', 'shipping_methods'), 200)
    now += 10_001
    expectStatus(await api(origin, token, 'GET', `orders/${order.id}`), 200)
  })

  it('a refused write changes nothing', async () => {
    const origin = await limited()
    const token = await guestToken(origin)
    const order = await createOrder(origin, token)
    const setEmail = (email: string) =>
      api(origin, token, 'PATCH', `orders/${order.id}`, {
        type: 'orders',
        id: order.id,
        attributes: { customer_email: email },
      })
    for (let i = 1; i < 50; i++) expectStatus(await setEmail(`shopper${i}@example.com`), 200)
    const refused = await setEmail('refused@example.com')
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    now += 10_001
    const read = expectStatus(await api(origin, token, 'GET', `orders/${order.id}`), 200)
    expect(read.data.attributes.customer_email).toBe('shopper49@example.com')
  })

  it("the sandbox's own doors are never limited", async () => {
    const origin = await limited()
    for (let i = 0; i < 60; i++) expect((await fetch(`${origin}/sandbox/health`)).status).toBe(200)
  })
})
