import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startTestSandbox, type TestSandbox } from '../helpers'
import {
  auditOrders,
  authorizeByDoor,
  authorizedSession,
  createSession,
  expectKlarnaError,
  italianOrder,
  klarna,
} from './klarna-helpers'

const MINUTE = 60 * 1000

describe('Klarna stand-in: the authorize test door (what the browser callback receives)', () => {
  let sandbox: TestSandbox
  beforeAll(async () => {
    sandbox = await startTestSandbox()
  })
  afterAll(() => sandbox.close())

  it('approves customer@email.us with a fresh authorization token', async () => {
    const { session_id } = await createSession(sandbox.origin)
    const first = await authorizeByDoor(sandbox.origin, session_id)
    const second = await authorizeByDoor(sandbox.origin, session_id)
    expect(first.status).toBe(200)
    expect(Object.keys(first.body as object).sort()).toEqual(['approved', 'authorization_token', 'show_form'])
    expect(first.body).toMatchObject({
      approved: true,
      show_form: true,
      authorization_token: expect.stringMatching(/^[0-9a-f-]{36}$/),
    })
    expect((second.body as { authorization_token: string }).authorization_token).not.toBe(
      (first.body as { authorization_token: string }).authorization_token,
    )
  })

  it('refuses an email whose local part contains +denied for good', async () => {
    const { session_id } = await createSession(sandbox.origin)
    const response = await authorizeByDoor(sandbox.origin, session_id, { email: 'customer+denied@email.us' })
    expect(response.body).toStrictEqual({ approved: false, show_form: false })
  })

  it.each([
    ['missing', undefined],
    ['malformed', 'customer.email.us'],
    ['blank', '  '],
  ])('answers a %s email with a fixable refusal naming billing_address.email', async (_label, email) => {
    const { session_id } = await createSession(sandbox.origin)
    const response = await authorizeByDoor(sandbox.origin, session_id, { email })
    expect(response.body).toStrictEqual({
      approved: false,
      show_form: true,
      error: { invalid_fields: ['billing_address.email'] },
    })
  })

  it('refuses the failing code 999999, and a code that is not six digits, as a bad otp', async () => {
    const { session_id } = await createSession(sandbox.origin)
    expectKlarnaError(await authorizeByDoor(sandbox.origin, session_id, { otp: '999999' }), 400, 'BAD_VALUE', [
      'Bad value: otp',
    ])
    expectKlarnaError(await authorizeByDoor(sandbox.origin, session_id, { otp: '12345' }), 400, 'BAD_VALUE', [
      'Bad value: otp',
    ])
  })

  it('merges authorize data into the session, and names the fields of data that does not add up', async () => {
    const { session_id } = await createSession(sandbox.origin)
    const billing_address = { given_name: 'Mario', family_name: 'Rossi', email: 'mario@example.com', country: 'IT' }
    const approved = await authorizeByDoor(sandbox.origin, session_id, { data: { billing_address } })
    expect(approved.body).toMatchObject({ approved: true })
    const read = await klarna(sandbox.origin, 'GET', `/klarna/payments/v1/sessions/${session_id}`)
    expect(read.body).toMatchObject({ billing_address })

    const wrongTax = await authorizeByDoor(sandbox.origin, session_id, { data: { order_tax_amount: 1 } })
    expect(wrongTax.body).toStrictEqual({
      approved: false,
      show_form: true,
      error: { invalid_fields: ['order_tax_amount'] },
    })
  })

  it('answers 404 for an unknown session', async () => {
    expectKlarnaError(await authorizeByDoor(sandbox.origin, 'no-such-session'), 404, 'NOT_FOUND')
  })
})

describe('Klarna stand-in: orders from an authorization token', () => {
  let sandbox: TestSandbox
  beforeAll(async () => {
    sandbox = await startTestSandbox()
  })
  afterAll(() => sandbox.close())
  afterEach(() => sandbox.clock.reset())

  const order = (token: string, body: unknown = italianOrder()) =>
    klarna(sandbox.origin, 'POST', `/klarna/payments/v1/authorizations/${token}/order`, body)

  it('creates the order and completes the session', async () => {
    const { sessionId, token } = await authorizedSession(sandbox.origin)
    const response = await order(token, { ...italianOrder(), merchant_reference1: 'ORDER-1' })
    expect(response.status).toBe(200)
    expect(response.body).toStrictEqual({
      order_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      redirect_url: expect.stringContaining('/klarna/kp/redirect/'),
      fraud_status: 'ACCEPTED',
      authorized_payment_method: { type: 'invoice', number_of_days: 30 },
    })
    const read = await klarna(sandbox.origin, 'GET', `/klarna/payments/v1/sessions/${sessionId}`)
    expect(read.body).toMatchObject({ status: 'complete' })
    const audit = await auditOrders(sandbox.origin, `?session_id=${sessionId}`)
    expect(audit).toEqual([
      expect.objectContaining({
        order_id: (response.body as { order_id: string }).order_id,
        source: 'authorization',
        authorization_token: token,
        customer_token: null,
        merchant_reference1: 'ORDER-1',
        order_amount: 5990,
      }),
    ])
  })

  it('reports the plan the shopper picked', async () => {
    const { session_id } = await createSession(sandbox.origin)
    const door = await authorizeByDoor(sandbox.origin, session_id, { plan: 'pay_in_3' })
    const response = await order((door.body as { authorization_token: string }).authorization_token)
    expect(response.body).toMatchObject({
      authorized_payment_method: { type: 'fixed_amount', number_of_installments: 3 },
    })
  })

  it('creates one order per session: a second attempt answers SESSION_COMPLETED, with the same or another token', async () => {
    const { sessionId, token } = await authorizedSession(sandbox.origin)
    const other = await authorizeByDoor(sandbox.origin, sessionId)
    const [first, again] = await Promise.all([order(token), order(token)])
    expect([first.status, again.status].sort()).toEqual([200, 404])
    expectKlarnaError(first.status === 404 ? first : again, 404, 'SESSION_COMPLETED')
    expectKlarnaError(
      await order((other.body as { authorization_token: string }).authorization_token),
      404,
      'SESSION_COMPLETED',
    )
    expect(await auditOrders(sandbox.origin, `?session_id=${sessionId}`)).toHaveLength(1)
  })

  it('keeps an authorization token valid for 60 minutes, then answers 404', async () => {
    const fresh = await authorizedSession(sandbox.origin)
    const stale = await authorizedSession(sandbox.origin)
    sandbox.clock.advance(59 * MINUTE)
    expect((await order(fresh.token)).status).toBe(200)
    sandbox.clock.advance(2 * MINUTE)
    expectKlarnaError(await order(stale.token), 404, 'NOT_FOUND', ['Invalid authorization token'])
  })

  it('answers 409 naming the fields when the order no longer matches what was authorized', async () => {
    const { token } = await authorizedSession(sandbox.origin)
    const base = italianOrder()
    const oneShirt = {
      ...base,
      order_amount: 3490,
      order_tax_amount: 630,
      order_lines: [
        { ...base.order_lines[0], quantity: 1, total_amount: 2500, total_tax_amount: 451 },
        base.order_lines[1],
      ],
    }
    expectKlarnaError(await order(token, oneShirt), 409, 'BAD_VALUE', [
      'Not matching fields: [order_amount, order_tax_amount, order_lines]',
    ])
  })

  it('keeps a failed token failed, even when the next request matches', async () => {
    const { token } = await authorizedSession(sandbox.origin)
    expectKlarnaError(await order(token, { ...italianOrder(), purchase_currency: 'SEK' }), 409, 'BAD_VALUE', [
      'Not matching fields: [purchase_currency]',
    ])
    expectKlarnaError(await order(token), 409, 'BAD_VALUE', ['Not matching fields: [purchase_currency]'])
    const customerToken = await klarna(
      sandbox.origin,
      'POST',
      `/klarna/payments/v1/authorizations/${token}/customer-token`,
      {
        purchase_country: 'IT',
        purchase_currency: 'EUR',
        locale: 'it-IT',
        description: 'x',
        intended_use: 'SUBSCRIPTION',
      },
    )
    expect(customerToken.status).toBe(409)
  })

  it('does not burn the token on a request that breaks the amount rules', async () => {
    const { token } = await authorizedSession(sandbox.origin)
    expectKlarnaError(await order(token, { ...italianOrder(), order_amount: 1 }), 400, 'BAD_VALUE', [
      'Bad value: order_amount',
    ])
    expect((await order(token)).status).toBe(200)
  })

  it('releases an authorization with DELETE; it cannot be used afterwards', async () => {
    const { token } = await authorizedSession(sandbox.origin)
    const released = await klarna(sandbox.origin, 'DELETE', `/klarna/payments/v1/authorizations/${token}`)
    expect(released.status).toBe(204)
    expectKlarnaError(await order(token), 404, 'NOT_FOUND')
    expectKlarnaError(
      await klarna(sandbox.origin, 'DELETE', `/klarna/payments/v1/authorizations/${token}`),
      404,
      'NOT_FOUND',
    )
  })

  it('refuses to release an authorization that already made an order', async () => {
    const { token } = await authorizedSession(sandbox.origin)
    await order(token)
    expectKlarnaError(
      await klarna(sandbox.origin, 'DELETE', `/klarna/payments/v1/authorizations/${token}`),
      403,
      'INVALID_OPERATION',
    )
  })

  it('answers 404 for a token it never issued', async () => {
    expectKlarnaError(await order('b4bd3423-24e3-4b5d-9a52-0b3c9bd3f000'), 404, 'NOT_FOUND')
  })
})

describe('Klarna stand-in: intent and customer tokens from an authorization', () => {
  let sandbox: TestSandbox
  beforeAll(async () => {
    sandbox = await startTestSandbox()
  })
  afterAll(() => sandbox.close())
  afterEach(() => sandbox.clock.reset())

  const tokenRequest = {
    purchase_country: 'IT',
    purchase_currency: 'EUR',
    locale: 'it-IT',
    description: 'Sandbox Store wallet',
    intended_use: 'SUBSCRIPTION',
  }
  const createCustomerToken = (token: string, body: unknown = tokenRequest) =>
    klarna(sandbox.origin, 'POST', `/klarna/payments/v1/authorizations/${token}/customer-token`, body)

  it('buy_and_tokenize: one authorization makes both the order and an ACTIVE customer token', async () => {
    const { token } = await authorizedSession(sandbox.origin, { intent: 'buy_and_tokenize' })
    const placed = await klarna(
      sandbox.origin,
      'POST',
      `/klarna/payments/v1/authorizations/${token}/order`,
      italianOrder(),
    )
    expect(placed.status).toBe(200)

    const created = await createCustomerToken(token)
    expect(created.status).toBe(200)
    expect(created.body).toStrictEqual({
      token_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      payment_method_reference: expect.stringMatching(/^[0-9a-f-]{36}$/),
      redirect_url: expect.any(String),
      billing_address: { email: 'customer@email.us' },
    })
    const tokenId = (created.body as { token_id: string }).token_id
    const read = await klarna(sandbox.origin, 'GET', `/klarna/customer-token/v1/tokens/${tokenId}`)
    expect(read.body).toStrictEqual({ status: 'ACTIVE', payment_method_type: 'INVOICE' })
  })

  it('answers the same customer token when asked twice for one authorization', async () => {
    const { token } = await authorizedSession(sandbox.origin, { intent: 'buy_and_tokenize' })
    const [first, second] = await Promise.all([createCustomerToken(token), createCustomerToken(token)])
    expect((first.body as { token_id: string }).token_id).toBe((second.body as { token_id: string }).token_id)
  })

  it('buy: refuses to make a customer token with INVALID_OPERATION', async () => {
    const { token } = await authorizedSession(sandbox.origin, { intent: 'buy' })
    expectKlarnaError(await createCustomerToken(token), 403, 'INVALID_OPERATION')
  })

  it('tokenize: makes a customer token but refuses an order', async () => {
    const { token } = await authorizedSession(sandbox.origin, { intent: 'tokenize' })
    expect((await createCustomerToken(token)).status).toBe(200)
    const placed = await klarna(
      sandbox.origin,
      'POST',
      `/klarna/payments/v1/authorizations/${token}/order`,
      italianOrder(),
    )
    expectKlarnaError(placed, 403, 'INVALID_OPERATION')
  })

  it('refuses a customer token for another currency (409), an expired authorization (404), a malformed request (400)', async () => {
    const mismatch = await authorizedSession(sandbox.origin, { intent: 'buy_and_tokenize' })
    expectKlarnaError(
      await createCustomerToken(mismatch.token, { ...tokenRequest, purchase_currency: 'SEK' }),
      409,
      'BAD_VALUE',
      ['Not matching fields: [purchase_currency]'],
    )
    const malformed = await authorizedSession(sandbox.origin, { intent: 'buy_and_tokenize' })
    expectKlarnaError(
      await createCustomerToken(malformed.token, { ...tokenRequest, intended_use: 'ONE_OFF' }),
      400,
      'BAD_VALUE',
      ['Bad value: intended_use'],
    )
    sandbox.clock.advance(61 * MINUTE)
    expectKlarnaError(await createCustomerToken(malformed.token), 404, 'NOT_FOUND')
  })
})
