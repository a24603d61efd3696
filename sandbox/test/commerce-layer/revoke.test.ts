import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NEW_CUSTOMER_EMAIL, SANDBOX_SALES_CHANNEL_CLIENT_ID } from '../../src/seed-constants'
import { startTestSandbox, type TestSandbox } from '../helpers'
import { api, requestToken } from './api-helpers'

/** What js-auth's `revoke` sends: `{client_id, token}` as JSON. */
async function revoke(origin: string, token: string, clientId = SANDBOX_SALES_CHANNEL_CLIENT_ID) {
  const response = await fetch(`${origin}/oauth/revoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ client_id: clientId, token }),
  })
  return { status: response.status, body: (await response.json()) as unknown }
}

describe('POST /oauth/revoke', () => {
  let sandbox: TestSandbox
  beforeAll(async () => {
    sandbox = await startTestSandbox()
  })
  afterAll(() => sandbox.close())

  const signIn = async () => {
    const answer = await requestToken(sandbox.origin, {
      grant_type: 'password',
      username: NEW_CUSTOMER_EMAIL,
      password: 'demo1234',
    })
    return { access: answer.body.access_token, refresh: answer.body.refresh_token as string }
  }

  it('ends an access token: the Core API answers 401 INVALID_TOKEN from then on', async () => {
    const { access } = await signIn()
    expect((await api(sandbox.origin, access, 'GET', 'customer_payment_sources')).status).toBe(200)
    expect(await revoke(sandbox.origin, access)).toEqual({ status: 200, body: {} })
    const after = await api(sandbox.origin, access, 'GET', 'customer_payment_sources')
    expect(after.status).toBe(401)
    expect(after.body.errors?.[0]).toMatchObject({ code: 'INVALID_TOKEN' })
  })

  it('ends a refresh token: it can no longer be traded for tokens', async () => {
    const { refresh } = await signIn()
    expect((await revoke(sandbox.origin, refresh)).status).toBe(200)
    const traded = await requestToken(sandbox.origin, { grant_type: 'refresh_token', refresh_token: refresh })
    expect(traded.status).toBe(401)
  })

  it('leaves the customer’s other sessions alone', async () => {
    const first = await signIn()
    const second = await signIn()
    await revoke(sandbox.origin, first.access)
    expect((await api(sandbox.origin, second.access, 'GET', 'customer_payment_sources')).status).toBe(200)
  })

  it('answers 200 for a token that is unknown or already revoked, 401 for another client', async () => {
    expect((await revoke(sandbox.origin, 'not-a-token')).status).toBe(200)
    const { access } = await signIn()
    expect((await revoke(sandbox.origin, access, 'someone-else')).status).toBe(401)
    expect((await api(sandbox.origin, access, 'GET', 'customer_payment_sources')).status).toBe(200)
  })

  it('keeps revoked access tokens in the database, so a restart does not bring them back', async () => {
    const { access } = await signIn()
    await revoke(sandbox.origin, access)
    const row = sandbox.db.prepare('SELECT COUNT(*) AS n FROM cl_revoked_access_tokens').get() as { n: number }
    expect(row.n).toBeGreaterThan(0)
  })
})
