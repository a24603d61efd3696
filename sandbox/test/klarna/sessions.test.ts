import { decodeJwt } from 'jose'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startTestSandbox, type TestSandbox } from '../helpers'
import {
  authorizedSession,
  createSession,
  expectKlarnaError,
  italianOrder,
  klarna,
  merchantAuth,
} from './klarna-helpers'

const HOUR = 60 * 60 * 1000

describe('Klarna stand-in: credentials', () => {
  let sandbox: TestSandbox
  beforeAll(async () => {
    sandbox = await startTestSandbox()
  })
  afterAll(() => sandbox.close())

  it.each([
    ['no credentials', {}],
    ['a wrong secret', { authorization: `Basic ${Buffer.from('sandbox-klarna-key:wrong').toString('base64')}` }],
    ['a bearer token', { authorization: 'Bearer sandbox-klarna-secret' }],
  ])('answers 401 with %s', async (_label, headers: Record<string, string>) => {
    const response = await klarna(sandbox.origin, 'POST', '/klarna/payments/v1/sessions', italianOrder(), headers)
    expectKlarnaError(response, 401, 'UNAUTHORIZED')
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic /)
  })

  it('guards every merchant endpoint, not only session creation', async () => {
    const paths: [string, string][] = [
      ['GET', '/klarna/payments/v1/sessions/x'],
      ['POST', '/klarna/payments/v1/sessions/x'],
      ['POST', '/klarna/payments/v1/authorizations/x/order'],
      ['POST', '/klarna/payments/v1/authorizations/x/customer-token'],
      ['DELETE', '/klarna/payments/v1/authorizations/x'],
      ['GET', '/klarna/customer-token/v1/tokens/x'],
      ['POST', '/klarna/customer-token/v1/tokens/x/order'],
      ['PATCH', '/klarna/customer-token/v1/tokens/x/status'],
    ]
    for (const [method, path] of paths) {
      const response = await klarna(
        sandbox.origin,
        method,
        path,
        method === 'GET' || method === 'DELETE' ? undefined : {},
        {},
      )
      expect(`${method} ${path} ${response.status}`).toBe(`${method} ${path} 401`)
    }
  })

  it('answers an unknown /klarna path with a Klarna error object', async () => {
    expectKlarnaError(await klarna(sandbox.origin, 'GET', '/klarna/payments/v2/nothing'), 404, 'NOT_FOUND')
  })
})

describe('Klarna stand-in: sessions', () => {
  let sandbox: TestSandbox
  beforeAll(async () => {
    sandbox = await startTestSandbox()
  })
  afterAll(() => sandbox.close())
  afterEach(() => sandbox.clock.reset())

  it('creates a session with a client token that tells the library where the stand-in is', async () => {
    const session = await createSession(sandbox.origin)
    expect(session.session_id).toMatch(/^[0-9a-f-]{36}$/)
    expect(session.payment_method_categories).toEqual([
      {
        identifier: 'klarna',
        name: 'Pay with Klarna',
        asset_urls: {
          descriptive: `${sandbox.origin}/klarna/kp/assets/badge.svg`,
          standard: `${sandbox.origin}/klarna/kp/assets/badge.svg`,
        },
      },
    ])
    const claims = decodeJwt(session.client_token)
    expect(claims).toMatchObject({
      session_id: session.session_id,
      base_url: `${sandbox.origin}/klarna/kp`,
      purchase_country: 'IT',
      order_amount: 5990,
    })
  })

  it('reads a session back, incomplete, with its expiry 48 hours away', async () => {
    const { session_id, client_token } = await createSession(sandbox.origin, { intent: 'buy_and_tokenize' })
    const response = await klarna(sandbox.origin, 'GET', `/klarna/payments/v1/sessions/${session_id}`)
    expect(response.status).toBe(200)
    const body = response.body as Record<string, unknown>
    expect(body).toMatchObject({ ...italianOrder(), status: 'incomplete', intent: 'buy_and_tokenize', client_token })
    const expiresIn = Date.parse(body.expires_at as string) - sandbox.clock.now()
    expect(expiresIn).toBeGreaterThan(48 * HOUR - 60_000)
    expect(expiresIn).toBeLessThanOrEqual(48 * HOUR)
  })

  it('defaults the locale to en-US and the intent to buy', async () => {
    const { locale: _locale, ...withoutLocale } = italianOrder()
    const created = await klarna(sandbox.origin, 'POST', '/klarna/payments/v1/sessions', withoutLocale)
    const { session_id } = created.body as { session_id: string }
    const read = await klarna(sandbox.origin, 'GET', `/klarna/payments/v1/sessions/${session_id}`)
    expect(read.body).toMatchObject({ locale: 'en-US', intent: 'buy' })
  })

  it('forgets a session 48 hours after its last update', async () => {
    const { session_id } = await createSession(sandbox.origin)
    sandbox.clock.advance(47 * HOUR)
    expect((await klarna(sandbox.origin, 'GET', `/klarna/payments/v1/sessions/${session_id}`)).status).toBe(200)
    sandbox.clock.advance(1 * HOUR)
    expectKlarnaError(
      await klarna(sandbox.origin, 'GET', `/klarna/payments/v1/sessions/${session_id}`),
      404,
      'NOT_FOUND',
      ['Invalid session id'],
    )
  })

  it('keeps a session updated within 48 hours alive for another 48 (moving the clock over HTTP)', async () => {
    const { session_id } = await createSession(sandbox.origin)
    await fetch(`${sandbox.origin}/sandbox/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ advance_seconds: 40 * 3600 }),
    })
    expect(
      (
        await klarna(sandbox.origin, 'POST', `/klarna/payments/v1/sessions/${session_id}`, {
          merchant_reference1: 'A1',
        })
      ).status,
    ).toBe(204)
    await fetch(`${sandbox.origin}/sandbox/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ advance_seconds: 40 * 3600 }),
    })
    expect((await klarna(sandbox.origin, 'GET', `/klarna/payments/v1/sessions/${session_id}`)).status).toBe(200)
  })

  it('updates a session with 204 and shows the new data', async () => {
    const { session_id } = await createSession(sandbox.origin)
    const order = italianOrder()
    const oneShirt = {
      order_amount: 3490,
      order_tax_amount: 630,
      order_lines: [
        { ...order.order_lines[0], quantity: 1, total_amount: 2500, total_tax_amount: 451 },
        order.order_lines[1],
      ],
    }
    const update = await klarna(sandbox.origin, 'POST', `/klarna/payments/v1/sessions/${session_id}`, oneShirt)
    expect(update.status).toBe(204)
    expect(update.body).toBeUndefined()
    const read = await klarna(sandbox.origin, 'GET', `/klarna/payments/v1/sessions/${session_id}`)
    expect(read.body).toMatchObject({ ...oneShirt, purchase_country: 'IT' })
  })

  it('refuses an update that breaks the amounts of the merged session', async () => {
    const { session_id } = await createSession(sandbox.origin)
    const response = await klarna(sandbox.origin, 'POST', `/klarna/payments/v1/sessions/${session_id}`, {
      order_amount: 6000,
    })
    expectKlarnaError(response, 400, 'BAD_VALUE', ['Bad value: order_amount'])
  })

  it('refuses to update an unknown session, and a session completed by its order', async () => {
    expectKlarnaError(
      await klarna(sandbox.origin, 'POST', '/klarna/payments/v1/sessions/nope', { locale: 'en-GB' }),
      404,
      'NOT_FOUND',
    )
    const { sessionId, token } = await authorizedSession(sandbox.origin)
    expect(
      (await klarna(sandbox.origin, 'POST', `/klarna/payments/v1/authorizations/${token}/order`, italianOrder()))
        .status,
    ).toBe(200)
    const update = await klarna(sandbox.origin, 'POST', `/klarna/payments/v1/sessions/${sessionId}`, {
      locale: 'en-GB',
    })
    expectKlarnaError(update, 404, 'SESSION_COMPLETED')
    const read = await klarna(sandbox.origin, 'GET', `/klarna/payments/v1/sessions/${sessionId}`)
    expect(read.body).toMatchObject({ status: 'complete' })
  })
})

describe('Klarna stand-in: amount and tax rules', () => {
  let sandbox: TestSandbox
  beforeAll(async () => {
    sandbox = await startTestSandbox()
  })
  afterAll(() => sandbox.close())

  const create = (body: unknown) => klarna(sandbox.origin, 'POST', '/klarna/payments/v1/sessions', body)
  const withLine = (index: number, change: Record<string, unknown>) => {
    const order = italianOrder()
    order.order_lines[index] = { ...order.order_lines[index], ...change } as (typeof order.order_lines)[number]
    return order
  }

  it('accepts tax within ±1 of the exact value', async () => {
    // Exact tax of the first line is 901.64: 901 and 902 are both within one unit.
    const order = withLine(0, { total_tax_amount: 901 })
    expect((await create({ ...order, order_tax_amount: 1080 })).status).toBe(200)
  })

  it('refuses a line total that is not quantity × unit price − discount', async () => {
    // The tax (902) is still within 1 of 4999's; only the line total and the order sum are wrong.
    expectKlarnaError(await create(withLine(0, { total_amount: 4999 })), 400, 'BAD_VALUE', [
      'Bad value: order_lines[0].total_amount',
      'Bad value: order_amount',
    ])
  })

  it('takes the discount into the line total', async () => {
    // 2 × 2500 − 500 = 4500; tax 4500 − 4500 × 10000 / 12200 = 811.5.
    const order = withLine(0, { total_discount_amount: 500, total_amount: 4500, total_tax_amount: 811 })
    expect((await create({ ...order, order_amount: 5490, order_tax_amount: 990 })).status).toBe(200)
  })

  it('refuses line tax more than 1 away from the tax included at the rate', async () => {
    const order = withLine(1, { total_tax_amount: 177 })
    expectKlarnaError(await create({ ...order, order_tax_amount: 1079 }), 400, 'BAD_VALUE', [
      'Bad value: order_lines[1].total_tax_amount',
    ])
  })

  it('refuses an order amount or order tax that is not the sum of the lines', async () => {
    expectKlarnaError(await create({ ...italianOrder(), order_amount: 5991 }), 400, 'BAD_VALUE', [
      'Bad value: order_amount',
    ])
    expectKlarnaError(await create({ ...italianOrder(), order_tax_amount: 1080 }), 400, 'BAD_VALUE', [
      'Bad value: order_tax_amount',
    ])
  })

  it('accepts a discount line with negative amounts and tax', async () => {
    const order = italianOrder()
    const discount = {
      type: 'discount',
      name: 'Welcome',
      quantity: 1,
      unit_price: -1000,
      tax_rate: 2200,
      total_amount: -1000,
      total_tax_amount: -180,
    }
    const response = await create({
      ...order,
      order_lines: [...order.order_lines, discount],
      order_amount: 4990,
      order_tax_amount: 901,
    })
    expect(response.status).toBe(200)
  })

  it('names missing, mistyped and unknown fields', async () => {
    const { purchase_country: _country, ...order } = italianOrder()
    expectKlarnaError(await create(order), 400, 'BAD_VALUE', ['Bad value: purchase_country'])
    expectKlarnaError(await create(withLine(1, { quantity: 1.5 })), 400, 'BAD_VALUE', [
      'Bad value: order_lines[1].quantity',
    ])
    expectKlarnaError(await create(withLine(0, { colour: 'blue' })), 400, 'BAD_VALUE', [
      'Bad value: order_lines[0].colour',
    ])
    expectKlarnaError(await create({ ...italianOrder(), purchase_currency: 'EURO' }), 400, 'BAD_VALUE', [
      'Bad value: purchase_currency',
    ])
    expectKlarnaError(await create({ ...italianOrder(), order_lines: [] }), 400, 'BAD_VALUE', [
      'Bad value: order_lines',
    ])
  })

  it('pairs each purchase country with its own currency, refusing any other with BAD_VALUE naming it', async () => {
    const pairs = [
      ['SE', 'SEK'],
      ['GB', 'GBP'],
      ['US', 'USD'],
      ['DK', 'DKK'],
      ['NO', 'NOK'],
      ['PL', 'PLN'],
      ['CH', 'CHF'],
      ['DE', 'EUR'],
      ['FI', 'EUR'],
    ]
    for (const [country, currency] of pairs) {
      const answer = await create({ ...italianOrder(), purchase_country: country, purchase_currency: currency })
      expect(`${country} ${currency} ${answer.status}`).toBe(`${country} ${currency} 200`)
    }
    for (const [country, currency] of [
      ['SE', 'EUR'],
      ['DK', 'EUR'],
      ['PL', 'EUR'],
      ['IT', 'SEK'],
      ['GB', 'EUR'],
    ]) {
      expectKlarnaError(
        await create({ ...italianOrder(), purchase_country: country, purchase_currency: currency }),
        400,
        'BAD_VALUE',
        ['Bad value: purchase_currency'],
      )
    }
    expectKlarnaError(await create({ ...italianOrder(), purchase_country: 'ZZ' }), 400, 'BAD_VALUE', [
      'Bad value: purchase_country',
    ])
    // An update is checked as the session it makes: Sweden in euro is refused there too.
    const { session_id } = await createSession(sandbox.origin)
    const update = await klarna(sandbox.origin, 'POST', `/klarna/payments/v1/sessions/${session_id}`, {
      purchase_country: 'SE',
    })
    expectKlarnaError(update, 400, 'BAD_VALUE', ['Bad value: purchase_currency'])
  })

  it('refuses a body sent as anything but application/json with 415, on every REST endpoint that takes one', async () => {
    const session = await createSession(sandbox.origin)
    const paths = [
      '/klarna/payments/v1/sessions',
      `/klarna/payments/v1/sessions/${session.session_id}`,
      '/klarna/payments/v1/authorizations/any-token/order',
      '/klarna/payments/v1/authorizations/any-token/customer-token',
      '/klarna/customer-token/v1/tokens/any-token/order',
    ]
    for (const path of paths) {
      for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/vnd.api+json']) {
        const response = await klarna(sandbox.origin, 'POST', path, italianOrder(), {
          authorization: merchantAuth,
          'content-type': contentType,
        })
        expectKlarnaError(response, 415, 'UNSUPPORTED_MEDIA_TYPE')
      }
    }
    const status = await klarna(
      sandbox.origin,
      'PATCH',
      '/klarna/customer-token/v1/tokens/any-token/status',
      { status: 'CANCELLED' },
      { authorization: merchantAuth, 'content-type': 'text/plain' },
    )
    expectKlarnaError(status, 415, 'UNSUPPORTED_MEDIA_TYPE')
  })

  it('answers a body that is not JSON with BAD_REQUEST', async () => {
    const response = await fetch(`${sandbox.origin}/klarna/payments/v1/sessions`, {
      method: 'POST',
      headers: { authorization: merchantAuth, 'content-type': 'application/json' },
      body: '{"order_amount":',
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error_code: 'BAD_REQUEST' })
  })
})
