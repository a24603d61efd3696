import { expect, test } from '@playwright/test'
import { fillCheckoutDetails, payWithKlarna } from '../e2e/support/checkout'
import { sandboxUrl } from '../e2e/support/sandbox-api'
import { addToCart, DEMO_PASSWORD, RETURNING_EMAIL, signIn, uniqueEmail } from '../e2e/support/shopper'
import { signedWebhook, WEBHOOK_PATH } from '../e2e/support/webhooks'

/** Two instances of the shop behind one address: whatever one knows, the other must too. */
const first = process.env.E2E_STOREFRONT_URL as string
const second = process.env.E2E_SECOND_STOREFRONT_URL as string

test('a webhook received by one instance revalidates the other', async ({ request }) => {
  const code = 'CANDLE-FIG-200'
  const priceOn = async (origin: string) => {
    const html = await (await request.get(`${origin}/products/${code}`)).text()
    return /€[\d,.]+/.exec(html.slice(html.indexOf('<h1')))?.[0]
  }
  expect(await priceOn(first)).toBe('€26.00')
  expect(await priceOn(second)).toBe('€26.00')
  // Changed without its webhook, then the webhook delivered to the first instance only.
  const change = await fetch(`${sandboxUrl()}/sandbox/catalog/prices`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ sku_code: code, amount_cents: 2990, notify: false }),
  })
  expect(change.status).toBe(200)
  expect(await priceOn(second)).toBe('€26.00')
  const webhook = signedWebhook('prices.update', {
    data: { type: 'prices', attributes: { sku_code: code, amount_cents: 2990 } },
  })
  const answer = await request.post(`${first}${WEBHOOK_PATH}`, { data: webhook.body, headers: webhook.headers })
  expect(answer.status()).toBe(200)
  expect(await priceOn(second)).toBe('€29.90')
  expect(await priceOn(first)).toBe('€29.90')
})

test('a cart started on one instance is paid on the other', async ({ page }) => {
  await page.goto(`${first}/`)
  await addToCart(page, 'VASE-GLASS-AMBER')
  await page.goto(`${second}/cart`)
  await expect(page.getByRole('heading', { name: 'Your cart' })).toBeVisible()
  await expect(page.getByText('Amber Glass Vase')).toBeVisible()
  await page.goto(`${second}/checkout`)
  await fillCheckoutDetails(page, { email: uniqueEmail('two-instances'), shipping: 'Standard' })
  await payWithKlarna(page)
  await expect(page).toHaveURL(new RegExp(`^${second}/orders/[A-Za-z]+$`))
})

test('a session signed in on one instance works on the other', async ({ page }) => {
  await signIn(page, RETURNING_EMAIL, DEMO_PASSWORD, `${first}/signin`)
  await page.goto(`${second}/account`)
  await expect(page).toHaveURL(`${second}/account`)
  await expect(page.getByTestId('account-email')).toHaveText(RETURNING_EMAIL)
  await page.goto(`${second}/account/wallet`)
  await expect(page.getByText('Klarna · Pay later · r•••@example.com')).toBeVisible()
})
