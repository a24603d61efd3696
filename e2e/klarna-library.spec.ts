import { createServer, type Server } from 'node:http'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import type { AddressInfo } from 'node:net'

/**
 * The Klarna stand-in's browser library on a bare shop page, as a shop would use it: loaded by a <script> tag
 * from the sandbox, on a page of another origin, driven only through Klarna's public API
 * (window.Klarna.Payments). Checks each callback's exact shape.
 *
 * The shop page comes from a tiny server on 127.0.0.1 (the sandbox is reached as localhost: another origin).
 * It must really be served from loopback: Chromium refuses a page it thinks is public (page.route) the right
 * to load scripts from loopback (Local Network Access).
 */

const sandbox = process.env.E2E_SANDBOX_URL ?? `http://localhost:${process.env.E2E_SANDBOX_PORT ?? 3101}`
const merchantAuth = `Basic ${Buffer.from('sandbox-klarna-key:sandbox-klarna-secret').toString('base64')}`

const ORDER = {
  purchase_country: 'IT',
  purchase_currency: 'EUR',
  locale: 'en-GB',
  order_amount: 5990,
  order_tax_amount: 1081,
  order_lines: [
    {
      type: 'physical',
      reference: 'TSHIRT',
      name: 'Blue T-shirt',
      quantity: 2,
      unit_price: 2500,
      tax_rate: 2200,
      total_amount: 5000,
      total_tax_amount: 902,
    },
    {
      type: 'shipping_fee',
      reference: 'express',
      name: 'Express',
      quantity: 1,
      unit_price: 990,
      tax_rate: 2200,
      total_amount: 990,
      total_tax_amount: 179,
    },
  ],
}

async function klarnaApi(method: string, path: string, body?: unknown) {
  const response = await fetch(`${sandbox}/klarna${path}`, {
    method,
    headers: { authorization: merchantAuth, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined }
}

async function createSession(intent = 'buy'): Promise<string> {
  const created = await klarnaApi('POST', '/payments/v1/sessions', { ...ORDER, intent })
  expect(created.status).toBe(200)
  return created.body?.client_token as string
}

/** A shop page of another origin that loads the library as Klarna's docs say: callback first, then the script. */
const shopPage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Bare test shop</title></head>
<body>
<main>
  <h1>Bare test shop</h1>
  <div id="klarna-container"></div>
  <button id="pay" type="button">Pay with Klarna</button>
</main>
<script>
  window.shop = { ready: false, events: [], results: [] }
  // The name of what a call throws ('no error' if nothing): how the tests read the library's named errors.
  window.shop.errorName = function (run) {
    try {
      run()
      return 'no error'
    } catch (error) {
      return error.name
    }
  }
  window.klarnaAsyncCallback = function () { window.shop.ready = true }
</script>
<script src="${sandbox}/klarna/kp/lib/v1/api.js" async></script>
</body>
</html>`

type Shop = {
  ready: boolean
  events: [string, unknown][]
  results: [string, unknown][]
  errorName(run: () => void): string
}

let shopServer: Server
let shopOrigin = ''

test.beforeAll(async () => {
  shopServer = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    response.end(shopPage)
  })
  await new Promise<void>((resolve) => shopServer.listen(0, '127.0.0.1', resolve))
  shopOrigin = `http://127.0.0.1:${(shopServer.address() as AddressInfo).port}`
})

test.afterAll(async () => {
  await new Promise((resolve) => shopServer.close(resolve))
})

async function openShop(page: Page) {
  await page.goto(`${shopOrigin}/checkout`)
  await page.waitForFunction(() => (window as unknown as { shop: Shop }).shop.ready)
}

/** init + load, recording every event and callback on window.shop. */
async function initAndLoad(page: Page, clientToken: string) {
  await page.evaluate((token) => {
    const shop = (window as unknown as { shop: Shop }).shop
    const payments = (window as unknown as { Klarna: { Payments: KlarnaPayments } }).Klarna.Payments
    for (const event of ['heightChanged', 'fullscreenOverlayShown', 'fullscreenOverlayHidden']) {
      payments.on(event, (payload?: unknown) => shop.events.push([event, payload]))
    }
    payments.init({ client_token: token })
    payments.load({ container: '#klarna-container', payment_method_category: 'klarna' }, (result: unknown) =>
      shop.results.push(['load', result]),
    )
  }, clientToken)
}

type KlarnaPayments = {
  init(options: unknown): void
  load(...args: unknown[]): void
  loadPaymentReview(...args: unknown[]): void
  authorize(...args: unknown[]): void
  reauthorize(...args: unknown[]): void
  on(event: string, handler: (payload?: unknown) => void): void
  off(event: string, handler?: (payload?: unknown) => void): void
}

/** The pay button calls authorize synchronously in its click handler, as a shop must. */
async function payButtonAuthorizes(page: Page, data: Record<string, unknown>) {
  await page.evaluate((authorizeData) => {
    const shop = (window as unknown as { shop: Shop }).shop
    const payments = (window as unknown as { Klarna: { Payments: KlarnaPayments } }).Klarna.Payments
    document.getElementById('pay')!.onclick = () =>
      payments.authorize({ payment_method_category: 'klarna' }, authorizeData, (result: unknown) =>
        shop.results.push(['authorize', result]),
      )
  }, data)
}

const results = (page: Page) => page.evaluate(() => (window as unknown as { shop: Shop }).shop.results)
const events = (page: Page) =>
  page.evaluate(() => (window as unknown as { shop: Shop }).shop.events.map(([name]) => name))
const authorizeResults = async (page: Page) =>
  (await results(page)).filter(([name]) => name === 'authorize').map(([, r]) => r)

const dialogFrame = (page: Page) => page.frameLocator('iframe[title="Klarna"]')

async function walkDialog(page: Page, expectedEmail: string) {
  const dialog = dialogFrame(page)
  await expect(dialog.getByTestId('kaf-field')).toHaveValue(expectedEmail)
  await dialog.getByRole('button', { name: 'Continue' }).click()
  await dialog.locator('#otp_field__container input').fill('123456')
  await dialog.getByTestId('pick-plan').click()
  await dialog.getByTestId('confirm-and-pay').click()
}

test.describe('Klarna stand-in library on a bare shop page', () => {
  test.beforeEach(async ({ page }) => {
    await openShop(page)
  })

  test('renders the widget: category, badge, amount and plan, with heightChanged @phone', async ({ page }) => {
    await initAndLoad(page, await createSession())
    const widget = page.frameLocator('iframe[title="Klarna payment method"]')
    await expect(widget.getByText('Pay with Klarna')).toBeVisible()
    await expect(widget.getByRole('img', { name: 'Klarna' })).toBeVisible()
    await expect(widget.getByText('€59.90')).toBeVisible()
    await expect(widget.getByText('Pay in 30 days')).toBeVisible()

    await expect.poll(() => results(page)).toEqual([['load', { show_form: true }]])
    const heights = (await page.evaluate(() => (window as unknown as { shop: Shop }).shop.events)).filter(
      ([n]) => n === 'heightChanged',
    )
    expect(heights.length).toBeGreaterThan(0)
    const height = heights[heights.length - 1]![1] as number
    expect(height).toBeGreaterThan(40)
    await expect(page.locator('iframe[title="Klarna payment method"]')).toHaveJSProperty('offsetHeight', height)
  })

  test('walks the dialog to approval; the token then makes a Klarna order and a customer token', async ({ page }) => {
    await initAndLoad(page, await createSession('buy_and_tokenize'))
    await payButtonAuthorizes(page, {
      billing_address: { given_name: 'Mario', family_name: 'Rossi', email: 'customer@email.us', country: 'IT' },
    })
    await page.getByRole('button', { name: 'Pay with Klarna' }).click()

    await expect(page.locator('iframe[title="Klarna"]')).toBeVisible()
    const dialog = dialogFrame(page)
    await expect(dialog.getByRole('dialog')).toContainText('€59.90')
    await expect(dialog.getByRole('dialog')).toContainText('Sandbox Store')

    // A wrong code is an error inside the dialog; the shop hears nothing and the shopper tries again.
    await dialog.getByRole('button', { name: 'Continue' }).click()
    await dialog.locator('#otp_field__container input').fill('999999')
    await expect(dialog.getByRole('alert')).toHaveText('That code is not right. Check it and try again.')
    await expect(await authorizeResults(page)).toEqual([])
    await dialog.getByRole('button', { name: 'Use a different email' }).click()
    await walkDialog(page, 'customer@email.us')

    await expect(page.locator('iframe[title="Klarna"]')).toHaveCount(0)
    await expect.poll(() => authorizeResults(page)).toHaveLength(1)
    const [approved] = (await authorizeResults(page)) as Record<string, unknown>[]
    expect(approved).toStrictEqual({
      approved: true,
      show_form: true,
      authorization_token: expect.stringMatching(/^[0-9a-f-]{36}$/),
    })
    expect(await events(page)).toEqual(expect.arrayContaining(['fullscreenOverlayShown', 'fullscreenOverlayHidden']))
    await expect(page.getByRole('button', { name: 'Pay with Klarna' })).toBeFocused()

    const token = approved!.authorization_token as string
    const order = await klarnaApi('POST', `/payments/v1/authorizations/${token}/order`, ORDER)
    expect(order.status).toBe(200)
    const customerToken = await klarnaApi('POST', `/payments/v1/authorizations/${token}/customer-token`, {
      purchase_country: 'IT',
      purchase_currency: 'EUR',
      locale: 'en-GB',
      description: 'wallet',
      intended_use: 'SUBSCRIPTION',
    })
    expect(customerToken.body).toMatchObject({ billing_address: { email: 'customer@email.us' } })
  })

  test('walks the dialog to a final refusal for a +denied email', async ({ page }) => {
    await initAndLoad(page, await createSession())
    await payButtonAuthorizes(page, { billing_address: { email: 'customer+denied@email.us' } })
    await page.getByRole('button', { name: 'Pay with Klarna' }).click()
    await walkDialog(page, 'customer+denied@email.us')
    await expect.poll(() => authorizeResults(page)).toEqual([{ approved: false, show_form: false }])
    await expect(page.locator('iframe[title="Klarna"]')).toHaveCount(0)
  })

  test('closing the dialog, by its button or by Escape, answers {approved:false, show_form:true}', async ({ page }) => {
    await initAndLoad(page, await createSession())
    await payButtonAuthorizes(page, { billing_address: { email: 'customer@email.us' } })

    await page.getByRole('button', { name: 'Pay with Klarna' }).click()
    await dialogFrame(page).getByRole('button', { name: 'Close Klarna and go back to the shop' }).click()
    await expect.poll(() => authorizeResults(page)).toEqual([{ approved: false, show_form: true }])

    await page.getByRole('button', { name: 'Pay with Klarna' }).click()
    await expect(dialogFrame(page).getByTestId('kaf-field')).toBeFocused()
    // Key down closes the dialog; the key's release then goes to the shop page (a press would send it to the
    // dialog's frame, which may already be gone, and Chromium can stall on that).
    await page.keyboard.down('Escape')
    await expect
      .poll(() => authorizeResults(page))
      .toEqual([
        { approved: false, show_form: true },
        { approved: false, show_form: true },
      ])
    await page.keyboard.up('Escape')
    await expect(page.locator('iframe[title="Klarna"]')).toHaveCount(0)
  })

  test('answers a missing or malformed email with a fixable refusal, without a dialog step', async ({ page }) => {
    await initAndLoad(page, await createSession())
    await payButtonAuthorizes(page, { billing_address: { email: 'not-an-email' } })
    await page.getByRole('button', { name: 'Pay with Klarna' }).click()
    await expect
      .poll(() => authorizeResults(page))
      .toEqual([{ approved: false, show_form: true, error: { invalid_fields: ['billing_address.email'] } }])
    await expect(page.locator('iframe[title="Klarna"]')).toHaveCount(0)
  })

  test('can be walked with the keyboard alone, focus moving with each step', async ({ page }) => {
    await initAndLoad(page, await createSession())
    // The two-argument form: options and data in one object.
    await page.evaluate(() => {
      const shop = (window as unknown as { shop: Shop }).shop
      const payments = (window as unknown as { Klarna: { Payments: KlarnaPayments } }).Klarna.Payments
      document.getElementById('pay')!.onclick = () =>
        payments.authorize(
          { payment_method_category: 'klarna', billing_address: { email: 'keyboard@email.us' } },
          (result: unknown) => shop.results.push(['authorize', result]),
        )
    })
    await page.getByRole('button', { name: 'Pay with Klarna' }).focus()
    await page.keyboard.press('Enter')
    const dialog = dialogFrame(page)
    await expect(dialog.getByTestId('kaf-field')).toBeFocused()
    await expect(dialog.getByTestId('kaf-field')).toHaveValue('keyboard@email.us')
    await page.keyboard.press('Enter')
    await expect(dialog.locator('#otp_field')).toBeFocused()
    await page.keyboard.type('123456')
    await expect(dialog.getByRole('radio', { name: 'Pay in 30 days' })).toBeFocused()
    await page.keyboard.press('ArrowDown')
    await expect(dialog.getByRole('radio', { name: 'Pay in 3 interest-free instalments' })).toBeChecked()
    await page.keyboard.press('Tab')
    await expect(dialog.getByTestId('pick-plan')).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(dialog.getByRole('heading', { name: 'Confirm and pay' })).toBeFocused()
    await expect(dialog.getByRole('dialog')).toContainText('Pay in 3 interest-free instalments')
    await page.keyboard.press('Tab')
    await expect(dialog.getByTestId('confirm-and-pay')).toBeFocused()
    // Focus stays inside the dialog: Tab from the last control wraps to the first.
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await expect(dialog.getByRole('button', { name: 'Close Klarna and go back to the shop' })).toBeFocused()
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Shift+Tab')
    await expect(dialog.getByTestId('confirm-and-pay')).toBeFocused()
    await page.keyboard.press('Enter')
    await expect
      .poll(() => authorizeResults(page))
      .toEqual([{ approved: true, show_form: true, authorization_token: expect.stringMatching(/^[0-9a-f-]{36}$/) }])
  })

  test('has no serious or critical accessibility violation in the widget and the dialog', async ({ page }) => {
    await initAndLoad(page, await createSession())
    await payButtonAuthorizes(page, { billing_address: { email: 'customer@email.us' } })
    await page.getByRole('button', { name: 'Pay with Klarna' }).click()
    const dialog = dialogFrame(page)
    await expect(dialog.getByTestId('kaf-field')).toBeVisible()
    // Only the stand-in's own frames: the bare shop page around them is not under test.
    const ours = () =>
      new AxeBuilder({ page }).include('iframe[title="Klarna payment method"]').include('iframe[title="Klarna"]')
    const identify = await ours().analyze()
    await dialog.getByRole('button', { name: 'Continue' }).click()
    await dialog.locator('#otp_field__container input').fill('123456')
    await expect(dialog.getByTestId('pick-plan')).toBeVisible()
    const plan = await ours().analyze()
    await dialog.getByTestId('pick-plan').click()
    await expect(dialog.getByTestId('confirm-and-pay')).toBeVisible()
    const confirm = await ours().analyze()
    expect(identify.passes.length).toBeGreaterThan(0)
    const serious = [...identify.violations, ...plan.violations, ...confirm.violations].filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    )
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  })

  test('ignores messages that do not come from its own dialog', async ({ page }) => {
    await initAndLoad(page, await createSession())
    await payButtonAuthorizes(page, { billing_address: { email: 'customer@email.us' } })
    await page.getByRole('button', { name: 'Pay with Klarna' }).click()
    await expect(dialogFrame(page).getByTestId('kaf-field')).toBeVisible()
    await page.evaluate(() =>
      window.postMessage(
        {
          namespace: 'klarna-standin',
          type: 'dialog-result',
          result: { approved: true, show_form: true, authorization_token: 'forged' },
        },
        '*',
      ),
    )
    // The forged approval neither closed the dialog nor reached the shop: the shopper walks the dialog, and
    // the one answer the shop gets is the dialog's own, with a real token.
    await expect(page.locator('iframe[title="Klarna"]')).toBeVisible()
    await walkDialog(page, 'customer@email.us')
    await expect.poll(() => authorizeResults(page)).toHaveLength(1)
    expect(await authorizeResults(page)).toEqual([
      expect.objectContaining({ approved: true, authorization_token: expect.stringMatching(/^[0-9a-f-]{36}$/) }),
    ])
  })

  test('throws Klarna’s named errors and calls back asynchronously', async ({ page }) => {
    const clientToken = await createSession()
    const outcome = await page.evaluate((token) => {
      const payments = (window as unknown as { Klarna: { Payments: KlarnaPayments } }).Klarna.Payments
      const nameOf = (window as unknown as { shop: Shop }).shop.errorName
      const names = {
        loadBeforeInit: nameOf(() =>
          payments.load({ container: '#klarna-container', payment_method_category: 'klarna' }),
        ),
        badToken: nameOf(() => payments.init({ client_token: 'not-a-jwt' })),
        authorizeBeforeLoad: '',
        badContainer: '',
        noCategory: '',
      }
      payments.init({ client_token: token })
      names.authorizeBeforeLoad = nameOf(() => payments.authorize({}, {}, () => undefined))
      names.badContainer = nameOf(() => payments.load({ container: '#nowhere', payment_method_category: 'klarna' }))
      names.noCategory = nameOf(() => payments.load({ container: '#klarna-container' }))
      let synchronous = true
      const state = { calledSynchronously: undefined as boolean | undefined }
      payments.load({ container: '#klarna-container', payment_method_category: 'klarna' }, () => {
        state.calledSynchronously = synchronous
      })
      synchronous = false
      return new Promise((resolve) => setTimeout(() => resolve({ names, state }), 3000))
    }, clientToken)
    expect(outcome).toEqual({
      names: {
        loadBeforeInit: 'ApplicationNotInitializedError',
        badToken: 'InvalidClientTokenError',
        authorizeBeforeLoad: 'ApplicationNotLoadedError',
        badContainer: 'InvalidContainerSelectorError',
        noCategory: 'PaymentMethodCategoryNotProvidedError',
      },
      state: { calledSynchronously: false },
    })
  })

  test('accepts only Klarna’s three events, and throws EventNotSupportedError for any other', async ({ page }) => {
    const outcome = await page.evaluate(() => {
      const payments = (window as unknown as { Klarna: { Payments: KlarnaPayments } }).Klarna.Payments
      const nameOf = (window as unknown as { shop: Shop }).shop.errorName
      const handler = () => undefined
      return {
        known: ['heightChanged', 'fullscreenOverlayShown', 'fullscreenOverlayHidden'].map((event) =>
          nameOf(() => {
            payments.on(event, handler)
            payments.off(event, handler)
            payments.off(event)
          }),
        ),
        onUnknown: nameOf(() => payments.on('load', handler)),
        onMiscased: nameOf(() => payments.on('heightchanged', handler)),
        offUnknown: nameOf(() => payments.off('authorized')),
      }
    })
    expect(outcome).toEqual({
      known: ['no error', 'no error', 'no error'],
      onUnknown: 'EventNotSupportedError',
      onMiscased: 'EventNotSupportedError',
      offUnknown: 'EventNotSupportedError',
    })
  })

  test('calls load back with show_form false for a category the session does not offer', async ({ page }) => {
    const clientToken = await createSession()
    await page.evaluate((token) => {
      const shop = (window as unknown as { shop: Shop }).shop
      const payments = (window as unknown as { Klarna: { Payments: KlarnaPayments } }).Klarna.Payments
      payments.init({ client_token: token })
      payments.load({ container: '#klarna-container', payment_method_category: 'pay_over_time' }, (result: unknown) =>
        shop.results.push(['load', result]),
      )
    }, clientToken)
    await expect.poll(() => results(page)).toEqual([['load', { show_form: false }]])
    const widget = page.frameLocator('iframe[title="Klarna payment method"]')
    await expect(widget.getByText('This payment option is not available.')).toBeVisible()
  })

  test('has loadPaymentReview: after authorize it shows what the shopper chose, and calls back', async ({ page }) => {
    const clientToken = await createSession()
    const beforeInit = await page.evaluate(() => {
      const payments = (window as unknown as { Klarna: { Payments: KlarnaPayments } }).Klarna.Payments
      return (window as unknown as { shop: Shop }).shop.errorName(() =>
        payments.loadPaymentReview({ container: '#klarna-container' }, () => undefined),
      )
    })
    expect(beforeInit).toBe('ApplicationNotInitializedError')
    await initAndLoad(page, clientToken)
    await payButtonAuthorizes(page, { billing_address: { email: 'customer@email.us' } })
    await page.getByRole('button', { name: 'Pay with Klarna' }).click()
    await walkDialog(page, 'customer@email.us')
    await expect.poll(() => authorizeResults(page)).toHaveLength(1)
    await page.evaluate(() => {
      const shop = (window as unknown as { shop: Shop }).shop
      const payments = (window as unknown as { Klarna: { Payments: KlarnaPayments } }).Klarna.Payments
      payments.loadPaymentReview({ container: '#klarna-container' }, (result: unknown) =>
        shop.results.push(['review', result]),
      )
    })
    await expect
      .poll(async () => (await results(page)).filter(([name]) => name === 'review'))
      .toEqual([['review', { show_form: true }]])
    await expect(page.frameLocator('iframe[title="Klarna payment method"]').getByText('Pay with Klarna')).toBeVisible()
  })

  test('reauthorizes after init alone: no widget needed, the dialog answers with a new token', async ({ page }) => {
    const clientToken = await createSession()
    await page.evaluate((token) => {
      const shop = (window as unknown as { shop: Shop }).shop
      const payments = (window as unknown as { Klarna: { Payments: KlarnaPayments } }).Klarna.Payments
      payments.init({ client_token: token })
      document.getElementById('pay')!.onclick = () =>
        payments.reauthorize(
          { payment_method_category: 'klarna' },
          { billing_address: { email: 'customer@email.us' } },
          (result: unknown) => shop.results.push(['authorize', result]),
        )
    }, clientToken)
    await page.getByRole('button', { name: 'Pay with Klarna' }).click()
    await walkDialog(page, 'customer@email.us')
    await expect
      .poll(() => authorizeResults(page))
      .toEqual([{ approved: true, show_form: true, authorization_token: expect.stringMatching(/^[0-9a-f-]{36}$/) }])
  })
})
