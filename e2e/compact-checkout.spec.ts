import { expect, test, type Page } from '@playwright/test'
import { expectNoSeriousAccessibilityViolations } from './support/accessibility'
import { signInThroughApi } from './support/fixtures'
import { seedCustomer } from './support/seed'
import { addToCart } from './support/shopper'

const savedSourceButton = (page: Page, name: string) => page.getByRole('button', { name: `Pay with ${name}` })

/** The element's box lies inside the window as first shown, before any scrolling. */
async function expectInFirstViewport(page: Page, name: string) {
  const box = await savedSourceButton(page, name).boundingBox()
  const viewport = page.viewportSize()!
  expect(await page.evaluate(() => window.scrollY)).toBe(0)
  expect(box).not.toBeNull()
  expect(box!.y).toBeGreaterThanOrEqual(0)
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height)
  expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width)
}

async function openCompactCheckout(page: Page, prefix: string) {
  const customer = await seedCustomer(prefix, { sources: 1 })
  const sourceName = customer.sourceNames[0]!
  await signInThroughApi(page, customer.email, customer.password)
  await addToCart(page, 'TEAPOT-CAST-900')
  await page.goto('/checkout')
  await expect(savedSourceButton(page, sourceName)).toBeEnabled()
  return { customer, sourceName }
}

test.describe('the compact returning checkout on a 390×844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })

  test('a summary with the saved-source button on the first screen, in visual order for keyboard and axe', async ({
    page,
  }) => {
    const { sourceName } = await openCompactCheckout(page, 'compactphone')
    const summary = page.getByRole('region', { name: 'Your details' })
    await expect(summary).toContainText('Ship to')
    await expect(summary).toContainText('Sara Conti, Via Po 3, 10123 Torino, Italy')
    await expect(summary).toContainText('Standard · Free')
    await expect(summary).toContainText(sourceName)
    await expect(page.getByRole('region', { name: 'Billing address' })).toHaveCount(0)
    await expectInFirstViewport(page, sourceName)

    // Tab order is the order on screen: the three Changes, then the one-click button.
    await page.getByRole('button', { name: 'Change shipping address' }).focus()
    for (const next of ['Change delivery', 'Change payment', `Pay with ${sourceName}`]) {
      await page.keyboard.press('Tab')
      await expect(page.getByRole('button', { name: next })).toBeFocused()
    }
    await expectNoSeriousAccessibilityViolations(page)
  })

  test('"Change" opens the form in place, and saving it returns to the summary', async ({ page }) => {
    const { sourceName } = await openCompactCheckout(page, 'compactchange')
    await page.getByRole('button', { name: 'Change shipping address' }).click()
    const billing = page.getByRole('region', { name: 'Billing address' })
    await expect(billing).toBeVisible()
    await billing.getByLabel('City').fill('Asti')
    await billing.getByLabel('Postal code').fill('14100')
    await page.getByRole('button', { name: 'Update details' }).click()

    const summary = page.getByRole('region', { name: 'Your details' })
    await expect(summary).toContainText('Sara Conti, Via Po 3, 14100 Asti, Italy')
    await expect(billing).toHaveCount(0)
    await expect(savedSourceButton(page, sourceName)).toBeEnabled()
    await page.reload()
    await expect(page.getByRole('region', { name: 'Your details' })).toContainText('14100 Asti')
  })
})

test('at 1280×900 the saved-source button is above the fold', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  const { sourceName } = await openCompactCheckout(page, 'compactdesk')
  await expectInFirstViewport(page, sourceName)
  await savedSourceButton(page, sourceName).click()
  await expect(page.getByRole('heading', { name: 'Thank you for your order!' })).toBeVisible()
})
