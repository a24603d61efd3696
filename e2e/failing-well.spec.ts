import { expect, test } from '@playwright/test'
import { stageSandboxFaults } from './support/sandbox-api'
import { addToCart } from './support/shopper'
import { expireCatalogue } from './support/webhooks'

const UNAVAILABLE = 'The store is unavailable right now, please try again.'

test.describe('failing well', { tag: '@isolated' }, () => {
  test.afterEach(async () => {
    await stageSandboxFaults('reset')
  })

  test('every page carries the security headers, and its scripts the nonce of its policy', async ({ request }) => {
    const response = await request.get('/')
    const headers = response.headers()
    const policy = headers['content-security-policy'] ?? ''
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1]
    expect(nonce).toBeTruthy()
    expect(policy).toContain("frame-ancestors 'none'")
    expect(policy).toContain("object-src 'none'")
    // The configured Klarna library's origin (the sandbox's, in these tests) and nothing else from outside.
    const sandbox = new URL(process.env.E2E_SANDBOX_URL ?? 'http://localhost:3101')
    expect(policy).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic' ${sandbox.origin}`)
    expect(policy).not.toMatch(/https?:\/\/(?!localhost|127\.0\.0\.1)/)
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['x-powered-by']).toBeUndefined()

    const html = await response.text()
    const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)].map((match) => match[0])
    expect(inlineScripts.length).toBeGreaterThan(0)
    for (const script of inlineScripts) expect(script).toContain(`nonce="${nonce}"`)
    // A second request gets a new nonce.
    const again = (await request.get('/')).headers()['content-security-policy']
    expect(again).not.toContain(`'nonce-${nonce}'`)
  })

  test('with the store down, pages say so in words, and recover when it returns', async ({ page, request }) => {
    // A cached catalogue would outlive the outage: expire it, as a catalogue change would.
    expect(await expireCatalogue(request)).toBe(200)
    await stageSandboxFaults({ outageSeconds: 120 })
    const response = await page.goto('/')
    await expect(page.getByRole('heading', { name: UNAVAILABLE })).toBeVisible()
    await expect(page.getByText('Nothing in your cart has been lost.')).toBeVisible()
    const text = await page.locator('body').innerText()
    expect(text).not.toMatch(/\bat .+:\d+:\d+|Error:|ECONNRESET|fetch failed/)
    // Nothing between the shopper and the shop may keep this page once the store is back.
    expect(response?.headers()['cache-control']).toContain('no-store')

    await stageSandboxFaults({ outageSeconds: 0 })
    await page.getByRole('button', { name: 'Try again' }).click()
    await expect(page.getByRole('link', { name: /Stoneware Mug/ })).toBeVisible()
  })

  test('a cart change while the store is down says so and loses nothing', async ({ page }) => {
    await addToCart(page, 'MUG-STONE-350')
    await stageSandboxFaults({ outageSeconds: 120 })
    await page.getByRole('button', { name: 'Add to cart' }).click()
    await expect(page.getByRole('status').filter({ hasText: UNAVAILABLE })).toBeVisible()

    await stageSandboxFaults({ outageSeconds: 0 })
    await page.goto('/cart')
    await expect(page.getByTestId('line-quantity')).toHaveText('1')
  })

  test('under latency the pending state shows, and a double click adds once', async ({ page }) => {
    await page.goto('/products/TOWEL-LINEN-SAGE')
    await stageSandboxFaults({ latencyMs: 800 })
    const button = page.getByRole('button', { name: 'Add to cart' })
    await button.dblclick()
    await expect(page.getByRole('button', { name: 'Adding…' })).toBeDisabled()
    await expect(page.getByRole('status').filter({ hasText: 'Added to your cart.' })).toBeVisible({ timeout: 20_000 })
    await stageSandboxFaults('reset')
    await page.goto('/cart')
    await expect(page.getByTestId('cart-line')).toHaveCount(1)
    await expect(page.getByTestId('line-quantity')).toHaveText('1')
  })
})
