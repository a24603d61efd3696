import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './support/fixtures'
import { moveSandboxClock, walletTokensOf } from './support/sandbox-api'
import { placeKlarnaOrder } from './support/seed'
import { addToCart, DEMO_PASSWORD, NEW_EMAIL, signIn, signOut } from './support/shopper'
import type { Locator, Page } from '@playwright/test'

/** Opens the Developer panel from the footer and answers the dialog. */
async function openDeveloperPanel(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Developer' }).click()
  const panel = page.getByRole('dialog', { name: 'Commerce Layer requests' })
  await expect(panel).toBeVisible()
  return panel
}

/** The panel's entry carrying the badge of a step of Commerce Layer's guide, opened to its request body. */
async function seedStepEntry(panel: Locator, step: 1 | 2): Promise<Locator> {
  const entry = panel
    .getByTestId('api-log-entry')
    .filter({ has: panel.page().getByRole('link', { name: `From Commerce Layer's guide, step ${step}` }) })
  await expect(entry).toHaveCount(1)
  await entry.locator('summary').first().click()
  await expect(entry.getByTestId('request-body')).toBeVisible()
  return entry
}

/** Text that must never reach the panel: the password, any JWT (every Commerce Layer access token is one), the Klarna customer token. */
function expectNoSecrets(text: string, klarnaCustomerToken: string) {
  expect(text).not.toContain(DEMO_PASSWORD)
  expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+\./)
  expect(text).not.toContain(klarnaCustomerToken)
}

test.describe('the Developer panel', () => {
  test("shows the two requests of Commerce Layer's guide as this browser made them, and no secret", async ({
    page,
    newCustomer,
    readyCart,
  }) => {
    // A first purchase (seeded), saved to the wallet from its confirmation page (step 1)…
    const { orderId } = await placeKlarnaOrder(newCustomer)
    await page.goto(`/orders/${orderId}`)
    await page.getByRole('button', { name: 'Save Klarna to my wallet' }).click()
    await expect(page.getByText('Klarna saved to your wallet')).toBeVisible()
    const sourceName = (await page.getByTestId('saved-source-name').textContent())?.trim() ?? ''
    const [saved] = await walletTokensOf(newCustomer.email, DEMO_PASSWORD)
    let panel = await openDeveloperPanel(page)

    const save = await seedStepEntry(panel, 1)
    const firstOrderPath = (await save.locator('summary').first().textContent())?.match(
      /\/api\/orders\/([A-Za-z0-9]+)\?include=available_customer_payment_sources/,
    )
    expect(firstOrderPath, "the save carries the include of Commerce Layer's guide").not.toBeNull()
    await expect(save.locator('summary').first()).toContainText('PATCH')
    await expect(save.locator('summary').first()).toContainText('200')
    await expect(save.getByTestId('request-body')).toContainText('"_save_payment_source_to_customer_wallet": true')
    // Its answer lists the saved source, folded until asked for.
    const saveAnswer = save.getByTestId('response-body')
    await expect(saveAnswer).toBeHidden()
    await save.getByText(/^Response body/).click()
    await expect(saveAnswer).toContainText(`"id": "${saved!.id}"`)
    await expect(saveAnswer).toContainText('"payment_source_token": "[redacted]"')

    // The sign-in's password grant is there too, its secrets redacted.
    const grant = panel
      .getByTestId('api-log-entry')
      .filter({ hasText: 'POST /oauth/token' })
      .filter({ hasText: '"grant_type": "password"' })
    await expect(grant).toHaveCount(1)
    await expect(grant.getByTestId('request-body')).toContainText('"password": "[redacted]"')

    // Escape closes it, and the focus is back on the button that opened it.
    await page.keyboard.press('Escape')
    await expect(panel).toBeHidden()
    await expect(page.getByRole('button', { name: 'Developer' })).toBeFocused()

    // …then a one-click purchase with the saved source (step 2).
    await readyCart([{ sku: 'MUG-STONE-350' }], { as: newCustomer })
    await page.goto('/checkout')
    await page.getByRole('button', { name: `Pay with ${sourceName}` }).click()
    await expect(page.getByRole('heading', { name: 'Thank you for your order!' })).toBeVisible()
    panel = await openDeveloperPanel(page)

    const reuse = await seedStepEntry(panel, 2)
    // The association on its own, on the new order; its include answers what one click checks before placing.
    await expect(reuse.locator('summary').first()).toContainText(/PATCH \/api\/orders\/[A-Za-z0-9]+[?\s]/)
    await expect(reuse.locator('summary').first()).not.toContainText(firstOrderPath![1]!)
    await expect(reuse.getByTestId('request-body')).toContainText(`"_customer_payment_source_id": "${saved!.id}"`)
    await expect(reuse.getByTestId('request-body')).not.toContainText('"_place"')

    // Newest first: the one-click payment is listed above the save that made it possible.
    const entries = panel.getByTestId('api-log-entry')
    const order = await entries.evaluateAll((items) => items.map((item) => item.textContent ?? ''))
    expect(order.findIndex((text) => text.includes("From Commerce Layer's guide, step 2"))).toBeLessThan(
      order.findIndex((text) => text.includes("From Commerce Layer's guide, step 1")),
    )

    expectNoSecrets((await panel.textContent()) ?? '', saved!.token)

    // The badge leads to the README's explanation, served by the storefront.
    const readme = await reuse.getByRole('link', { name: "From Commerce Layer's guide, step 2" }).getAttribute('href')
    await page.goto(readme!)
    await expect(page.getByRole('heading', { name: 'Step 2: pay with the saved source' })).toBeVisible()
  })

  test("a second browser sees none of the first one's requests", async ({ page, browser }) => {
    // The first browser adds to its cart: a POST of a line item no other browser made.
    await page.goto('/')
    await addToCart(page, 'BOARD-WALNUT-40')
    const panel = await openDeveloperPanel(page)
    const addition = panel.getByTestId('api-log-entry').filter({ hasText: 'POST /api/line_items' })
    await expect(addition).toHaveCount(1)
    await expect(addition).toContainText('"sku_code": "BOARD-WALNUT-40"')
    const [cookie] = (await page.context().cookies()).filter((candidate) => candidate.name === 'api_log')
    expect(cookie?.httpOnly).toBe(true)

    const other = await browser.newContext()
    try {
      const otherPage = await other.newPage()
      // The catalogue is cached (no request of this browser's): a cart of its own makes requests that are.
      await addToCart(otherPage, 'MUG-STONE-350')
      const otherPanel = await openDeveloperPanel(otherPage)
      // Its own requests, and nothing of the first browser's.
      await expect(otherPanel.getByTestId('api-log-entry').first()).toBeVisible()
      await expect(otherPanel).not.toContainText('"sku_code": "BOARD-WALNUT-40"')
      const { entries } = (await (await other.request.get('/api/developer/requests')).json()) as {
        entries: { method: string; path: string }[]
      }
      expect(entries.length).toBeGreaterThan(0)
      expect(entries.filter((entry) => entry.method === 'POST' && entry.path === '/api/line_items')).toHaveLength(1)
    } finally {
      await other.close()
    }
    // A client with no cookie at all reads nothing.
    const anonymous = await fetch(new URL('/api/developer/requests', page.url()))
    expect(await anonymous.json()).toEqual({ entries: [] })
  })

  test("signing out starts a new log: the next person at this browser sees none of the last one's requests", async ({
    page,
  }) => {
    await signIn(page, NEW_EMAIL)
    let panel = await openDeveloperPanel(page)
    const signInGrant = panel.getByTestId('api-log-entry').filter({ hasText: '"grant_type": "password"' })
    await expect(signInGrant).toHaveCount(1)
    await page.keyboard.press('Escape')
    const idBefore = (await page.context().cookies()).find((cookie) => cookie.name === 'api_log')?.value

    await signOut(page)
    // The cached catalogue asks Commerce Layer nothing: the next person's own cart does.
    await addToCart(page, 'MUG-STONE-350')
    panel = await openDeveloperPanel(page)
    await expect(panel.getByTestId('api-log-entry').first()).toBeVisible()
    await expect(signInGrant).toHaveCount(0)
    await expect(panel).not.toContainText(NEW_EMAIL)
    expect((await page.context().cookies()).find((cookie) => cookie.name === 'api_log')?.value).not.toBe(idBefore)
  })

  test(
    "records the proxy's token refresh too, both refresh tokens redacted",
    { tag: '@isolated' },
    async ({ page }) => {
      // Signed in while the sandbox's clock is two hours behind, the customer's token is about to expire by the
      // storefront's clock: the next request's proxy refreshes it.
      try {
        await moveSandboxClock({ advanceSeconds: -(2 * 60 * 60 - 120) })
        await signIn(page, NEW_EMAIL)
      } finally {
        await moveSandboxClock({ reset: true })
      }
      await page.goto('/account')
      const panel = await openDeveloperPanel(page)
      const refresh = panel.getByTestId('api-log-entry').filter({ hasText: '"grant_type": "refresh_token"' }).first()
      await refresh.locator('summary').first().click()
      await expect(refresh.getByTestId('request-body')).toContainText('"refresh_token": "[redacted]"')
      await refresh.getByText(/^Response body/).click()
      await expect(refresh.getByTestId('response-body')).toContainText('"access_token": "[redacted]"')
      await expect(refresh.getByTestId('response-body')).toContainText('"refresh_token": "[redacted]"')
    },
  )

  test('works on a 360 px phone: a labelled dialog, nothing wider than the screen, no serious accessibility problem @phone', async ({
    page,
  }) => {
    // An entry to open: the catalogue is cached, a cart is this browser's own.
    await addToCart(page, 'MUG-STONE-350')
    const panel = await openDeveloperPanel(page)
    const first = panel.getByTestId('api-log-entry').first()
    await first.locator('summary').first().click()
    await first.getByText(/^Response body/).click()

    const widths = await panel.evaluate((dialog) => ({
      dialog: dialog.getBoundingClientRect().width,
      content: dialog.scrollWidth,
      viewport: window.innerWidth,
    }))
    expect(widths.dialog).toBeLessThanOrEqual(widths.viewport)
    expect(widths.content).toBeLessThanOrEqual(widths.viewport)
    const results = await new AxeBuilder({ page }).include('dialog').analyze()
    const serious = results.violations.filter(
      (violation) => violation.impact === 'serious' || violation.impact === 'critical',
    )
    expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([])

    await panel.getByRole('button', { name: 'Close' }).click()
    await expect(panel).toBeHidden()
    await expect(page.getByRole('button', { name: 'Developer' })).toBeFocused()
  })
})
