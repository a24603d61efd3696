import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { signInThroughApi } from './support/fixtures'
import { DEMO_PASSWORD, RETURNING_EMAIL } from './support/shopper'

/** Each item of the header on one line, showing all its text: no wrap, no ellipsis, nothing wider than the bar. */
async function expectHeaderOnOneLine(page: Page) {
  const bar = page.locator('header > div')
  const overflow = await bar.evaluate((element) => element.scrollWidth - element.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  const items: Locator[] = [
    page.getByRole('link', { name: 'Fika Home' }),
    page.getByRole('link', { name: /^Cart/ }),
    page.getByRole('link', { name: 'Sign in' }).or(page.getByRole('button', { name: 'Account', exact: true })),
  ]
  for (const item of items) {
    const box = await item.boundingBox()
    expect(box, `${item}`).not.toBeNull()
    const lines = await item.evaluate((element) => {
      // A text node that wraps has a rectangle per line; one cut short scrolls inside its box.
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
      let wrapped = 0
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim() || node.parentElement?.closest('.sr-only')) continue
        const range = document.createRange()
        range.selectNodeContents(node)
        if (range.getClientRects().length > 1) wrapped += 1
      }
      return { wrapped, truncated: element.scrollWidth > element.clientWidth }
    })
    expect(lines, `${item}`).toEqual({ wrapped: 0, truncated: false })
    expect(box!.height, `${item}`).toBeLessThanOrEqual(44)
  }
}

for (const width of [360, 390]) {
  test.describe(`the header on a ${width} px phone`, () => {
    test.use({ viewport: { width, height: 844 }, hasTouch: true, isMobile: true })

    test('a guest sees the name, "Sign in" and the cart, each on one line', async ({ page }) => {
      await page.goto('/')
      await expectHeaderOnOneLine(page)
    })

    test('a customer gets one Account button: a keyboard-friendly menu of their links and Sign out', async ({
      page,
    }) => {
      await signInThroughApi(page, RETURNING_EMAIL, DEMO_PASSWORD)
      await page.goto('/account')
      await expectHeaderOnOneLine(page)
      const menuButton = page.getByRole('button', { name: 'Account', exact: true })
      await expect(menuButton).toHaveAttribute('aria-expanded', 'false')
      await expect(page.getByRole('button', { name: 'Sign out' })).toBeHidden()

      await menuButton.focus()
      await page.keyboard.press('Enter')
      await expect(menuButton).toHaveAttribute('aria-expanded', 'true')
      const header = page.getByRole('banner')
      const wallet = header.getByRole('link', { name: 'Wallet' })
      await expect(header.getByRole('link', { name: 'Your account' })).toBeVisible()
      await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
      // The menu follows its button in the tab order.
      await page.keyboard.press('Tab')
      await expect(header.getByRole('link', { name: 'Your account' })).toBeFocused()
      const results = await new AxeBuilder({ page }).include('header').analyze()
      expect(
        results.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact ?? '')),
      ).toEqual([])

      await page.keyboard.press('Escape')
      await expect(menuButton).toHaveAttribute('aria-expanded', 'false')
      await expect(menuButton).toBeFocused()
      await expect(wallet).toBeHidden()

      await menuButton.click()
      await wallet.click()
      await expect(page.getByRole('heading', { name: 'Wallet', level: 2 })).toBeVisible()
    })
  })
}

test('an order in the account names its countries: "Italy", not "IT"', async ({ page }) => {
  await signInThroughApi(page, RETURNING_EMAIL, DEMO_PASSWORD)
  await page.goto('/account/orders')
  await page.getByRole('link', { name: '#10000' }).click()
  const addresses = page.locator('address')
  await expect(addresses.first()).toContainText('Italy')
  await expect(addresses.first()).not.toContainText(/\bIT\b/)
})
