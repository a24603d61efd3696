import { decodeJwt } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NEW_CUSTOMER_EMAIL, SANDBOX_SALES_CHANNEL_CLIENT_ID } from '../../src/seed-constants'
import { startTestSandbox, type TestSandbox } from '../helpers'
import { api, customerToken, guestToken, requestToken } from './api-helpers'

describe('POST /oauth/token', () => {
  let sandbox: TestSandbox
  beforeAll(async () => {
    sandbox = await startTestSandbox()
  })
  afterAll(() => sandbox.close())

  it('issues a sales channel token with the real claim layout for client_credentials', async () => {
    const answer = await requestToken(sandbox.origin, { grant_type: 'client_credentials' })
    expect(answer.status).toBe(200)
    expect(answer.body).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: 14400,
      scope: 'market:code:europe',
      created_at: expect.any(Number),
    })
    const claims = decodeJwt(answer.body.access_token)
    expect(claims).toMatchObject({
      application: {
        id: expect.any(String),
        kind: 'sales_channel',
        public: true,
        client_id: SANDBOX_SALES_CHANNEL_CLIENT_ID,
      },
      organization: { id: expect.any(String), slug: 'sandbox' },
      market: { id: [expect.any(String)] },
      scope: 'market:code:europe',
      test: true,
      // Commerce Layer's shape: the SDK turns https://auth.<domain> into https://<slug>.<domain>.
      iss: 'https://auth.localhost',
    })
    expect(claims.owner).toBeUndefined()
    expect((claims.exp as number) - (claims.iat as number)).toBe(14400)
  })

  it('accepts a market by id and a form-encoded body', async () => {
    const marketId = (decodeJwt(await guestToken(sandbox.origin)).market as { id: string[] }).id[0] as string
    const response = await fetch(`${sandbox.origin}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: SANDBOX_SALES_CHANNEL_CLIENT_ID,
        scope: `market:id:${marketId}`,
      }),
    })
    expect(response.status).toBe(200)
    expect(((await response.json()) as { scope: string }).scope).toBe(`market:id:${marketId}`)
  })

  it('refuses a grant sent as anything but JSON or a form, with 415 in the auth host error shape', async () => {
    const grant = {
      grant_type: 'client_credentials',
      client_id: SANDBOX_SALES_CHANNEL_CLIENT_ID,
      scope: 'market:code:europe',
    }
    for (const contentType of ['text/plain', 'application/octet-stream', 'application/vnd.api+json']) {
      const response = await fetch(`${sandbox.origin}/oauth/token`, {
        method: 'POST',
        headers: { 'Content-Type': contentType },
        body: JSON.stringify(grant),
      })
      expect(response.status).toBe(415)
      expect(await response.json()).toEqual({
        errors: [
          {
            code: 'UNSUPPORTED_MEDIA_TYPE',
            title: 'invalid_request',
            detail: expect.stringContaining(contentType),
            status: 415,
          },
        ],
      })
    }
  })

  it('signs a customer in with the password grant: owner claims, a refresh token, two hours', async () => {
    const answer = await requestToken(sandbox.origin, {
      grant_type: 'password',
      username: NEW_CUSTOMER_EMAIL,
      password: 'demo1234',
    })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({
      token_type: 'bearer',
      expires_in: 7200,
      owner_type: 'customer',
      owner_id: expect.any(String),
    })
    expect(answer.body.refresh_token).toEqual(expect.any(String))
    expect(decodeJwt(answer.body.access_token).owner).toEqual({ id: answer.body.owner_id, type: 'Customer' })
  })

  it('rotates refresh tokens: the new one works, the old one stops working', async () => {
    const first = await requestToken(sandbox.origin, {
      grant_type: 'password',
      username: NEW_CUSTOMER_EMAIL,
      password: 'demo1234',
    })
    const refreshed = await requestToken(sandbox.origin, {
      grant_type: 'refresh_token',
      refresh_token: first.body.refresh_token as string,
    })
    expect(refreshed.status).toBe(200)
    expect(refreshed.body.owner_id).toBe(first.body.owner_id)
    expect(refreshed.body.refresh_token).not.toBe(first.body.refresh_token)
    const reused = await requestToken(sandbox.origin, {
      grant_type: 'refresh_token',
      refresh_token: first.body.refresh_token as string,
    })
    expect(reused.status).toBe(401)
    expect(reused.body).toEqual({
      errors: [{ code: 'UNAUTHORIZED', title: 'invalid_grant', detail: expect.any(String), status: 401 }],
    })
    const again = await requestToken(sandbox.origin, {
      grant_type: 'refresh_token',
      refresh_token: refreshed.body.refresh_token as string,
    })
    expect(again.status).toBe(200)
  })

  it('refuses a refresh with another scope, and a refresh token older than two weeks', async () => {
    const first = await requestToken(sandbox.origin, {
      grant_type: 'password',
      username: NEW_CUSTOMER_EMAIL,
      password: 'demo1234',
    })
    const otherScope = await requestToken(sandbox.origin, {
      grant_type: 'refresh_token',
      refresh_token: first.body.refresh_token as string,
      scope: 'market:code:elsewhere',
    })
    expect(otherScope.status).toBe(401)
    const second = await requestToken(sandbox.origin, {
      grant_type: 'password',
      username: NEW_CUSTOMER_EMAIL,
      password: 'demo1234',
    })
    sandbox.clock.advance(15 * 24 * 3600 * 1000)
    try {
      const late = await requestToken(sandbox.origin, {
        grant_type: 'refresh_token',
        refresh_token: second.body.refresh_token as string,
      })
      expect(late.status).toBe(401)
      expect(late.body.errors).toEqual([expect.objectContaining({ title: 'invalid_grant' })])
    } finally {
      sandbox.clock.reset()
    }
  })

  it.each([
    ['an unknown client', { grant_type: 'client_credentials', client_id: 'nobody' }, 401, 'invalid_client'],
    [
      'a wrong password',
      { grant_type: 'password', username: NEW_CUSTOMER_EMAIL, password: 'wrong-password' },
      401,
      'invalid_grant',
    ],
    [
      'an unknown email',
      { grant_type: 'password', username: 'nobody@example.com', password: 'demo1234' },
      401,
      'invalid_grant',
    ],
    ['a scope without a market', { grant_type: 'client_credentials', scope: '' }, 401, 'invalid_scope'],
    ['an unknown market', { grant_type: 'client_credentials', scope: 'market:code:mars' }, 401, 'invalid_scope'],
    ['an unsupported grant', { grant_type: 'authorization_code' }, 400, 'unsupported_grant_type'],
    ['a grant named after a property every object has', { grant_type: 'toString' }, 400, 'unsupported_grant_type'],
    ['a grant named constructor', { grant_type: 'constructor' }, 400, 'unsupported_grant_type'],
  ])('refuses %s in the auth host error shape', async (_name, grant, status, title) => {
    const answer = await requestToken(sandbox.origin, grant)
    expect(answer.status).toBe(status)
    expect(answer.body).toEqual({ errors: [{ code: expect.any(String), title, detail: expect.any(String), status }] })
  })

  it('answers 401 INVALID_TOKEN for an expired or forged token, and 401 UNAUTHORIZED for none', async () => {
    const token = await guestToken(sandbox.origin)
    expect((await api(sandbox.origin, token, 'GET', 'skus')).status).toBe(200)

    const [header, payload, signature] = token.split('.') as [string, string, string]
    const forgedSignature = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>
    const forgedPayload = `${header}.${Buffer.from(JSON.stringify({ ...claims, owner: { id: 'x', type: 'Customer' } })).toString('base64url')}.${signature}`
    for (const forged of [forgedSignature, forgedPayload, 'not-a-jwt']) {
      const answer = await api(sandbox.origin, forged, 'GET', 'skus')
      expect(answer.status).toBe(401)
      expect(answer.body.errors?.[0]).toMatchObject({ code: 'INVALID_TOKEN', status: '401' })
    }

    sandbox.clock.advance(14_401 * 1000)
    try {
      const expired = await api(sandbox.origin, token, 'GET', 'skus')
      expect(expired.status).toBe(401)
      expect(expired.body.errors?.[0]).toMatchObject({ code: 'INVALID_TOKEN', title: 'Invalid token' })
    } finally {
      sandbox.clock.reset()
    }

    const none = await api(sandbox.origin, undefined, 'GET', 'skus')
    expect(none.status).toBe(401)
    expect(none.body.errors?.[0]).toMatchObject({ code: 'UNAUTHORIZED', status: '401' })
  })

  it('lets a customer token expire after two hours', async () => {
    const token = await customerToken(sandbox.origin, NEW_CUSTOMER_EMAIL)
    sandbox.clock.advance(7_201 * 1000)
    try {
      expect((await api(sandbox.origin, token, 'GET', 'skus')).body.errors?.[0]?.code).toBe('INVALID_TOKEN')
    } finally {
      sandbox.clock.reset()
    }
  })
})
