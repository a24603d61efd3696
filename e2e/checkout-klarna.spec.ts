import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { fillCheckoutDetails, payWithKlarna } from './support/checkout'
import { addToCart, uniqueEmail } from './support/shopper'

async function expectNoSeriousAccessibilityViolations(page: Page) {
  // Klarna's own frames are Klarna's; the shop answers for its page.
  const results = await new AxeBuilder({ page }).exclude('iframe').analyze()
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
  expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([])
}

test.describe('checkout with Klarna', () => {
  test('a guest buys with Klarna and sees the confirmation', async ({ page }) => {
    await addToCart(page, 'VASE-GLASS-AMBER')
    await page.goto('/checkout')
    await expectNoSeriousAccessibilityViolations(page)
    const email = uniqueEmail('guest')
    await fillCheckoutDetails(page, { email, shipping: 'Express' })
    await expect(page.getByTestId('checkout-total')).toHaveText('€48.90')
    await expectNoSeriousAccessibilityViolations(page)

    await payWithKlarna(page)
    await expect(page).toHaveURL(/\/orders\/[A-Za-z]+$/)
    await expect(page.getByTestId('order-total')).toHaveText('€48.90')
    await expect(page.getByTestId('payment-method')).toHaveText('Klarna · Pay in 30 days')
    await expect(page.getByRole('link', { name: 'Create an account to pay with one click next time' })).toHaveAttribute('href', '/signup')
    await expect(page.getByTestId('cart-count')).toHaveText('0')
    await expectNoSeriousAccessibilityViolations(page)
  })
})
