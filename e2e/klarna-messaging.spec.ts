import { expect, test, type Page } from '@playwright/test'
import { addToCart } from './support/shopper'

/** The page's cumulative layout shift so far, from the browser's own layout-shift entries. */
async function layoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
            if (!entry.hadRecentInput) total += entry.value
        }).observe({ type: 'layout-shift', buffered: true })
        setTimeout(() => resolve(total), 300)
      }),
  )
}

test.describe("Klarna's On-Site Messaging", () => {
  test('the product page shows it for the quantity chosen, without moving the page', async ({ page }) => {
    await page.goto('/products/BOARD-WALNUT-40')
    const placement = page.locator('klarna-placement')
    await expect(placement).toHaveAttribute('data-key', 'credit-promotion-badge')
    await expect(placement).toHaveAttribute('data-locale', 'en-IT')
    await expect(placement).toHaveAttribute('data-purchase-amount', '5500')
    await expect(placement.getByText('Pay in 3 interest-free payments of €18.33.')).toBeVisible()
    expect(await layoutShift(page)).toBeLessThan(0.01)

    await page.getByLabel('Quantity').selectOption('2')
    await expect(placement).toHaveAttribute('data-purchase-amount', '11000')
    await expect(placement.getByText('Pay in 3 interest-free payments of €36.67.')).toBeVisible()
  })

  test('its library loads after the page is interactive, from the configured origin', async ({ page }) => {
    const requested: string[] = []
    page.on('request', (request) => {
      if (request.url().includes('/klarna/web-sdk/v1/klarna.js')) requested.push(request.url())
    })
    await page.goto('/products/MUG-STONE-350', { waitUntil: 'domcontentloaded' })
    const script = page.locator('script[src*="/klarna/web-sdk/v1/klarna.js"]')
    await expect(script).toHaveAttribute('data-client-id', /.+/)
    // The library's resource timing entry exists once it has loaded; the page's load event has ended by then.
    await page.waitForLoadState('load')
    const timing = () =>
      page.evaluate(() => {
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
        const library = performance
          .getEntriesByType('resource')
          .find((entry) => entry.name.includes('/klarna/web-sdk/v1/klarna.js'))
        return { loadEnd: navigation.loadEventEnd, libraryStart: library?.startTime ?? -1 }
      })
    await expect
      .poll(async () => (await timing()).libraryStart, { message: 'the library was fetched' })
      .toBeGreaterThan(0)
    const { loadEnd, libraryStart } = await timing()
    expect(loadEnd).toBeGreaterThan(0)
    expect(libraryStart).toBeGreaterThanOrEqual(loadEnd)
    expect(requested).toHaveLength(1)
  })

  test('the cart shows it for the subtotal and follows quantity changes', async ({ page }) => {
    await addToCart(page, 'MUG-STONE-350')
    await page.goto('/cart')
    const placement = page.locator('klarna-placement')
    await expect(placement.getByText('Pay in 3 interest-free payments of €6.00.')).toBeVisible()
    await page.getByRole('button', { name: 'Increase quantity of Stoneware Mug' }).click()
    await expect(page.getByTestId('cart-subtotal')).toHaveText('€36.00')
    await expect(placement.getByText('Pay in 3 interest-free payments of €12.00.')).toBeVisible()
  })
})
