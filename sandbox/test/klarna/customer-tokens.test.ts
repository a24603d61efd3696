import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { RETURNING_CUSTOMER_KLARNA_TOKEN } from '../../src/seed-constants'
import { startTestSandbox, type TestSandbox } from '../helpers'
import { auditOrders, authorizedSession, expectKlarnaError, italianOrder, klarna, merchantAuth } from './klarna-helpers'

const HOUR = 60 * 60 * 1000

/** The body Commerce Layer sends to charge a saved source: no country, an order reference. */
function tokenOrder(reference: string) {
  const { purchase_country: _country, ...order } = italianOrder()
  return { ...order, merchant_reference1: reference }
}

describe('Klarna stand-in: customer tokens', () => {
  let sandbox: TestSandbox
  beforeAll(async () => {
    sandbox = await startTestSandbox()
  })
  afterAll(() => sandbox.close())
  afterEach(() => sandbox.clock.reset())

  const orderOn = (token: string, body: unknown, idempotencyKey?: string) =>
    klarna(sandbox.origin, 'POST', `/klarna/customer-token/v1/tokens/${token}/order`, body, {
      authorization: merchantAuth,
      ...(idempotencyKey ? { 'Klarna-Idempotency-Key': idempotencyKey } : {}),
    })

  /** A fresh ACTIVE customer token, as saving Klarna to a wallet makes one. */
  async function newCustomerToken(): Promise<string> {
    const { token } = await authorizedSession(sandbox.origin, { intent: 'buy_and_tokenize' })
    const created = await klarna(sandbox.origin, 'POST', `/klarna/payments/v1/authorizations/${token}/customer-token`, {
      purchase_country: 'IT',
      purchase_currency: 'EUR',
      locale: 'it-IT',
      description: 'wallet',
      intended_use: 'SUBSCRIPTION',
    })
    return (created.body as { token_id: string }).token_id
  }

  it('has the returning customer’s token seeded as ACTIVE pay-later (invoice)', async () => {
    const read = await klarna(
      sandbox.origin,
      'GET',
      `/klarna/customer-token/v1/tokens/${RETURNING_CUSTOMER_KLARNA_TOKEN}`,
    )
    expect(read.status).toBe(200)
    expect(read.body).toStrictEqual({ status: 'ACTIVE', payment_method_type: 'INVOICE' })
  })

  it('charges a token: Klarna’s order shape, recorded as a customer-token order', async () => {
    const placed = await orderOn(RETURNING_CUSTOMER_KLARNA_TOKEN, tokenOrder('R-1'))
    expect(placed.status).toBe(200)
    expect(placed.body).toStrictEqual({
      order_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      redirect_url: expect.any(String),
      fraud_status: 'ACCEPTED',
      authorized_payment_method: { type: 'invoice', number_of_days: 30 },
    })
    const audit = await auditOrders(sandbox.origin, '?merchant_reference1=R-1')
    expect(audit).toEqual([
      expect.objectContaining({
        source: 'customer_token',
        customer_token: RETURNING_CUSTOMER_KLARNA_TOKEN,
        authorization_token: null,
      }),
    ])
  })

  it('same idempotency key, same body: the same order, charged once, even when sent at once', async () => {
    const body = tokenOrder('R-2')
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map(() => orderOn(RETURNING_CUSTOMER_KLARNA_TOKEN, body, 'key-R-2')),
    )
    const orderIds = new Set(answers.map((answer) => (answer.body as { order_id: string }).order_id))
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200])
    expect(orderIds.size).toBe(1)
    // Keys in another order are still the same body.
    const reordered = Object.fromEntries(Object.entries(body).reverse())
    const retry = await orderOn(RETURNING_CUSTOMER_KLARNA_TOKEN, reordered, 'key-R-2')
    expect((retry.body as { order_id: string }).order_id).toBe([...orderIds][0])
    expect(await auditOrders(sandbox.origin, '?merchant_reference1=R-2')).toHaveLength(1)
  })

  it('another key, or no key, is another order', async () => {
    const body = tokenOrder('R-3')
    await orderOn(RETURNING_CUSTOMER_KLARNA_TOKEN, body, 'key-R-3a')
    await orderOn(RETURNING_CUSTOMER_KLARNA_TOKEN, body, 'key-R-3b')
    await orderOn(RETURNING_CUSTOMER_KLARNA_TOKEN, body)
    await orderOn(RETURNING_CUSTOMER_KLARNA_TOKEN, body)
    expect(await auditOrders(sandbox.origin, '?merchant_reference1=R-3')).toHaveLength(4)
  })

  it('refuses a key reused with a different body (409), and honours a key for 24 hours only', async () => {
    await orderOn(RETURNING_CUSTOMER_KLARNA_TOKEN, tokenOrder('R-4'), 'key-R-4')
    expectKlarnaError(
      await orderOn(RETURNING_CUSTOMER_KLARNA_TOKEN, tokenOrder('R-4-changed'), 'key-R-4'),
      409,
      'BAD_VALUE',
    )
    sandbox.clock.advance(25 * HOUR)
    const later = await orderOn(RETURNING_CUSTOMER_KLARNA_TOKEN, tokenOrder('R-4'), 'key-R-4')
    expect(later.status).toBe(200)
    expect(await auditOrders(sandbox.origin, '?merchant_reference1=R-4')).toHaveLength(2)
  })

  it('applies the amount rules to token orders', async () => {
    expectKlarnaError(
      await orderOn(RETURNING_CUSTOMER_KLARNA_TOKEN, { ...tokenOrder('R-5'), order_tax_amount: 0 }),
      400,
      'BAD_VALUE',
      ['Bad value: order_tax_amount'],
    )
    const { order_tax_amount: _tax, ...withoutTax } = tokenOrder('R-5')
    expectKlarnaError(await orderOn(RETURNING_CUSTOMER_KLARNA_TOKEN, withoutTax), 400, 'BAD_VALUE', [
      'Bad value: order_tax_amount',
    ])
  })

  it('cancels a token with PATCH status (202); later orders are refused with TOKEN_CANCELLED', async () => {
    const token = await newCustomerToken()
    const cancelled = await klarna(sandbox.origin, 'PATCH', `/klarna/customer-token/v1/tokens/${token}/status`, {
      status: 'CANCELLED',
    })
    expect(cancelled.status).toBe(202)
    expect((await klarna(sandbox.origin, 'GET', `/klarna/customer-token/v1/tokens/${token}`)).body).toMatchObject({
      status: 'CANCELLED',
    })
    expectKlarnaError(await orderOn(token, tokenOrder('R-6')), 403, 'TOKEN_CANCELLED')
    expect(await auditOrders(sandbox.origin, '?merchant_reference1=R-6')).toHaveLength(0)
  })

  it('still answers the first result to a retry with its key after the token was cancelled', async () => {
    const token = await newCustomerToken()
    const first = await orderOn(token, tokenOrder('R-7'), 'key-R-7')
    await klarna(sandbox.origin, 'PATCH', `/klarna/customer-token/v1/tokens/${token}/status`, { status: 'CANCELLED' })
    const retry = await orderOn(token, tokenOrder('R-7'), 'key-R-7')
    expect(retry.body).toStrictEqual(first.body)
  })

  it('refuses a status other than CANCELLED, and an unknown token', async () => {
    const token = await newCustomerToken()
    expectKlarnaError(
      await klarna(sandbox.origin, 'PATCH', `/klarna/customer-token/v1/tokens/${token}/status`, { status: 'ACTIVE' }),
      400,
      'BAD_VALUE',
      ['Bad value: status'],
    )
    expectKlarnaError(
      await klarna(sandbox.origin, 'PATCH', '/klarna/customer-token/v1/tokens/nope/status', { status: 'CANCELLED' }),
      404,
      'NOT_FOUND',
    )
    expectKlarnaError(await klarna(sandbox.origin, 'GET', '/klarna/customer-token/v1/tokens/nope'), 404, 'NOT_FOUND')
    expectKlarnaError(await orderOn('nope', tokenOrder('R-8')), 404, 'TOKEN_NOT_FOUND')
  })

  it('refuses a suspended token, a failing payment method and another currency (sandbox door sets the first two)', async () => {
    const token = await newCustomerToken()
    const door = (change: unknown) =>
      klarna(sandbox.origin, 'PATCH', `/klarna/sandbox/customer-tokens/${token}`, change)

    expect((await door({ status: 'SUSPENDED' })).status).toBe(204)
    expect((await klarna(sandbox.origin, 'GET', `/klarna/customer-token/v1/tokens/${token}`)).body).toMatchObject({
      status: 'SUSPENDED',
    })
    expectKlarnaError(await orderOn(token, tokenOrder('R-9')), 403, 'TOKEN_SUSPENDED')

    await door({ status: 'ACTIVE', payment_method_failing: true })
    expectKlarnaError(await orderOn(token, tokenOrder('R-9')), 403, 'PAYMENT_METHOD_FAILED')

    await door({ payment_method_failing: false })
    expectKlarnaError(
      await orderOn(token, { ...tokenOrder('R-9'), purchase_currency: 'SEK' }),
      403,
      'PAYMENT_METHOD_CURRENCY_MISMATCH',
    )
    expect((await orderOn(token, tokenOrder('R-9'))).status).toBe(200)
    expect(await auditOrders(sandbox.origin, '?merchant_reference1=R-9')).toHaveLength(1)
  })
})
