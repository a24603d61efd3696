import { expect, test, type APIRequestContext } from '@playwright/test'
import { fillCheckoutDetails, payWithKlarna } from './support/checkout'
import { lastRequestSeq, requestLogSince, sandboxUrl } from './support/sandbox-api'
import { addToCart, uniqueEmail } from './support/shopper'
import { expireCatalogue, signedWebhook, WEBHOOK_PATH as webhookUrl } from './support/webhooks'

/**
 * The catalogue is cached per market and sales channel; Commerce Layer's signed webhooks (sent by the sandbox to
 * this storefront) say when it changed.
 */
async function changeCatalogue(kind: 'prices' | 'stock', change: Record<string, unknown>) {
  const before = await deliveriesCount()
  const answer = await fetch(`${sandboxUrl()}/sandbox/catalog/${kind}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(change),
  })
  expect(answer.status).toBe(200)
  if (change.notify !== false) await expect.poll(deliveriesCount).toBeGreaterThan(before)
  return answer.json()
}

async function deliveriesCount(): Promise<number> {
  const answer = await fetch(`${sandboxUrl()}/sandbox/webhooks`)
  return ((await answer.json()) as { data: unknown[] }).data.length
}

async function priceOnProductPage(request: APIRequestContext, code: string): Promise<string> {
  const html = await (await request.get(`/products/${code}`)).text()
  return /€[\d,.]+/.exec(html.slice(html.indexOf('<h1')))?.[0] ?? 'no price'
}

test.describe('the cached catalogue', { tag: '@isolated' }, () => {
  test('80 anonymous views of the home page and a product cost at most 4 Core API requests and no token', async ({
    request,
  }) => {
    // The shop has been up a while (it holds its sales channel token); its catalogue is cold, as after a change.
    await request.get('/')
    expect(await expireCatalogue(request)).toBe(200)

    const before = await lastRequestSeq()
    for (let view = 0; view < 40; view++) {
      expect((await request.get('/')).status()).toBe(200)
      expect((await request.get('/products/MUG-STONE-350')).status()).toBe(200)
    }
    const log = await requestLogSince(before)
    const coreRequests = log.filter((entry) => entry.path.startsWith('/api/'))
    expect(coreRequests.length).toBeLessThanOrEqual(4)
    expect(log.filter((entry) => entry.path === '/oauth/token')).toEqual([])
  })

  test('a price changed in Commerce Layer shows on the next view', async ({ page }) => {
    await page.goto('/products/CANDLE-FIG-200')
    await expect(page.getByText('€26.00')).toBeVisible()
    await changeCatalogue('prices', { sku_code: 'CANDLE-FIG-200', amount_cents: 2750 })
    try {
      await page.goto('/products/CANDLE-FIG-200')
      await expect(page.getByText('€27.50')).toBeVisible()
      await page.goto('/')
      await expect(page.getByRole('link', { name: /Fig Leaf Candle/ })).toContainText('€27.50')
    } finally {
      await changeCatalogue('prices', { sku_code: 'CANDLE-FIG-200', amount_cents: 2600 })
    }
  })

  test('out of stock shows within a second of the last unit selling', async ({ page, browser, request }) => {
    await changeCatalogue('stock', { sku_code: 'THROW-WOOL-OAT', quantity: 1 })
    try {
      const watcher = await browser.newPage()
      await watcher.goto('/products/THROW-WOOL-OAT')
      await expect(watcher.getByRole('button', { name: 'Add to cart' })).toBeVisible()

      await addToCart(page, 'THROW-WOOL-OAT')
      await page.goto('/checkout')
      await fillCheckoutDetails(page, { email: uniqueEmail('last-unit'), shipping: 'Standard' })
      await payWithKlarna(page)
      await expect(page).toHaveURL(/\/orders\/[A-Za-z]+$/)
      const soldAt = Date.now()

      // The shop's answer, read as a crawler would (a browser's reload adds its own scripts' time).
      await expect
        .poll(async () => (await request.get('/products/THROW-WOOL-OAT')).text(), { timeout: 1000, intervals: [50] })
        .toContain('Out of stock')
      expect(Date.now() - soldAt).toBeLessThan(1000)
      await watcher.reload()
      await expect(watcher.getByText('Out of stock')).toBeVisible()
      await watcher.close()
    } finally {
      await changeCatalogue('stock', { sku_code: 'THROW-WOOL-OAT', quantity: 10 })
    }
  })

  test('a webhook without, with a wrong, or with a replayed signature over another body is a 401 and changes nothing', async ({
    request,
  }) => {
    const code = 'TOWEL-LINEN-SAGE'
    expect(await priceOnProductPage(request, code)).toBe('€14.50')
    // Changed in Commerce Layer, its webhook lost: the shop still shows what it cached.
    await changeCatalogue('prices', { sku_code: code, amount_cents: 1550, notify: false })
    try {
      expect(await priceOnProductPage(request, code)).toBe('€14.50')
      const genuine = signedWebhook('prices.update', { data: { type: 'prices', attributes: { sku_code: code } } })
      const forgeries = [
        { data: genuine.body, headers: { 'X-CommerceLayer-Topic': 'prices.update' } },
        { data: genuine.body, headers: signedWebhook('prices.update', {}, 'not-the-secret').headers },
        {
          data: genuine.body.replace(code, 'MUG-STONE-350'),
          headers: genuine.headers,
        },
      ]
      for (const forgery of forgeries) {
        const answer = await request.post(webhookUrl, forgery)
        expect(answer.status()).toBe(401)
        expect(await priceOnProductPage(request, code)).toBe('€14.50')
      }
      const answer = await request.post(webhookUrl, { data: genuine.body, headers: genuine.headers })
      expect(answer.status()).toBe(200)
      expect(await priceOnProductPage(request, code)).toBe('€15.50')
    } finally {
      await changeCatalogue('prices', { sku_code: code, amount_cents: 1450 })
    }
  })
})
