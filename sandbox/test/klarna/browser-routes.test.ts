import { SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestSandbox, type TestSandbox } from '../helpers'
import { createSession, expectKlarnaError, italianOrder, klarna } from './klarna-helpers'

/**
 * What the browser reaches without credentials: the library and its assets, the widget and dialog pages,
 * and the dialog's calls. The library's behaviour in a real browser is e2e/klarna-library.spec.ts.
 */
describe('Klarna stand-in: browser-facing routes', () => {
  let sandbox: TestSandbox
  const SHOP = 'http://127.0.0.1:3000'
  beforeAll(async () => {
    sandbox = await startTestSandbox()
  })
  afterAll(() => sandbox.close())

  const dialogCall = (action: string, body: Record<string, unknown>) =>
    klarna(sandbox.origin, 'POST', `/klarna/kp/dialog/${action}`, body, {})

  it('serves the library as cacheable JavaScript, revalidated by ETag', async () => {
    const response = await fetch(`${sandbox.origin}/klarna/kp/lib/v1/api.js`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/javascript; charset=utf-8')
    expect(response.headers.get('cache-control')).toBe('public, max-age=300')
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(await response.text()).toContain('window.klarnaAsyncCallback')
    const etag = response.headers.get('etag') as string
    const again = await fetch(`${sandbox.origin}/klarna/kp/lib/v1/api.js`, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
  })

  it("serves On-Site Messaging's library at the path of Klarna's Web SDK, like the payments library", async () => {
    const response = await fetch(`${sandbox.origin}/klarna/web-sdk/v1/klarna.js`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/javascript; charset=utf-8')
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    const source = await response.text()
    expect(source).toContain("customElements.define('klarna-placement'")
    expect(source).toContain('data-purchase-amount')
  })

  it('serves its own badge and nothing outside its asset list', async () => {
    const badge = await fetch(`${sandbox.origin}/klarna/kp/assets/badge.svg`)
    expect(badge.headers.get('content-type')).toBe('image/svg+xml')
    expect(await badge.text()).toContain('#FFB3C7')
    expect((await fetch(`${sandbox.origin}/klarna/kp/assets/..%2Fbrowser.ts`)).status).toBe(404)
  })

  it('renders the widget with the category, the amount and the plan in words', async () => {
    const { session_id } = await createSession(sandbox.origin, { locale: 'en-GB' })
    const response = await fetch(
      `${sandbox.origin}/klarna/kp/widget?session_id=${session_id}&category=klarna&origin=${encodeURIComponent(SHOP)}`,
    )
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'")
    const html = await response.text()
    expect(html).toContain('Pay with Klarna')
    expect(html).toContain('€59.90')
    expect(html).toContain('<strong>Pay in 30 days</strong>')
    expect(html).toContain('"show_form":true')
  })

  it('renders an unavailable widget for an unknown session or category', async () => {
    const { session_id } = await createSession(sandbox.origin)
    for (const query of [`session_id=nope&category=klarna`, `session_id=${session_id}&category=pay_later`]) {
      const html = await (
        await fetch(`${sandbox.origin}/klarna/kp/widget?${query}&origin=${encodeURIComponent(SHOP)}`)
      ).text()
      expect(html).toContain('"show_form":false')
    }
  })

  it('refuses a page whose shop origin is not a bare http(s) origin', async () => {
    for (const origin of ['', 'javascript:alert(1)', `${SHOP}/checkout`, '*']) {
      const response = await klarna(
        sandbox.origin,
        'GET',
        `/klarna/kp/dialog?origin=${encodeURIComponent(origin)}`,
        undefined,
        {},
      )
      expectKlarnaError(response, 400, 'BAD_VALUE')
    }
  })

  it('starts the dialog with the prefilled email, the amount and the plans', async () => {
    const { client_token } = await createSession(sandbox.origin, { locale: 'en-GB' })
    const started = await dialogCall('start', {
      client_token,
      data: { billing_address: { email: 'customer@email.us' } },
    })
    expect(started.body).toMatchObject({
      outcome: 'ready',
      email: 'customer@email.us',
      merchant_name: 'Sandbox Store',
      amount: '€59.90',
      default_plan: 'pay_in_30_days',
      plans: [
        { id: 'pay_in_30_days' },
        { id: 'pay_in_3', detail: '€19.98 today, then 2 payments of €19.96 every 30 days.' },
        { id: 'pay_now' },
      ],
    })
  })

  it('ends the dialog at once for a missing email or data that does not add up', async () => {
    const { client_token } = await createSession(sandbox.origin)
    expect((await dialogCall('start', { client_token })).body).toStrictEqual({
      outcome: 'refused',
      result: { approved: false, show_form: true, error: { invalid_fields: ['billing_address.email'] } },
    })
    const unknownField = await dialogCall('start', {
      client_token,
      data: { billing_address: { email: 'a@b.co', street: 'x' } },
    })
    expect(unknownField.body).toMatchObject({ result: { error: { invalid_fields: ['billing_address.street'] } } })
  })

  it('checks the code, then authorizes exactly as the test door does', async () => {
    const { client_token } = await createSession(sandbox.origin)
    expectKlarnaError(await dialogCall('verify-code', { client_token, otp: '999999' }), 400, 'BAD_VALUE', [
      'Bad value: otp',
    ])
    expect((await dialogCall('verify-code', { client_token, otp: '123456' })).body).toStrictEqual({ accepted: true })
    const approved = await dialogCall('authorize', {
      client_token,
      email: 'customer@email.us',
      otp: '123456',
      plan: 'pay_now',
    })
    expect(approved.body).toMatchObject({ approved: true, show_form: true })
    const token = (approved.body as { authorization_token: string }).authorization_token
    const order = await klarna(
      sandbox.origin,
      'POST',
      `/klarna/payments/v1/authorizations/${token}/order`,
      italianOrder(),
    )
    expect(order.body).toMatchObject({ authorized_payment_method: { type: 'direct_debit' } })
  })

  it('refuses dialog calls with a client token it did not sign', async () => {
    const { session_id } = await createSession(sandbox.origin)
    const forged = await new SignJWT({ session_id, base_url: sandbox.origin })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('klarna-sandbox')
      .sign(new TextEncoder().encode('not-the-sandbox-key-not-the-sandbox-key'))
    expectKlarnaError(await dialogCall('start', { client_token: forged }), 403, 'INVALID_OPERATION')
    expectKlarnaError(
      await dialogCall('authorize', { client_token: 'garbage', email: 'a@b.co', otp: '123456' }),
      403,
      'INVALID_OPERATION',
    )
  })

  it('sends redirect_url back to the confirmation page the session named', async () => {
    const { session_id } = await createSession(sandbox.origin, {
      merchant_urls: { confirmation: 'http://shop.example/thanks' },
    })
    const door = await klarna(sandbox.origin, 'POST', `/klarna/sandbox/sessions/${session_id}/authorize`, {
      email: 'a@b.co',
      otp: '123456',
    })
    const token = (door.body as { authorization_token: string }).authorization_token
    const placed = await klarna(
      sandbox.origin,
      'POST',
      `/klarna/payments/v1/authorizations/${token}/order`,
      italianOrder(),
    )
    const redirect = await fetch((placed.body as { redirect_url: string }).redirect_url, { redirect: 'manual' })
    expect(redirect.status).toBe(302)
    expect(redirect.headers.get('location')).toBe('http://shop.example/thanks')
  })
})
