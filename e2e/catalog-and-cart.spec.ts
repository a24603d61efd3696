import { expect, test } from '@playwright/test'
import { expectNoSeriousAccessibilityViolations } from './support/accessibility'

test.describe('catalog and cart @phone', () => {
  test('home → product → add 2 → change quantity → remove → empty cart', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    const mug = page.getByRole('link', { name: /Stoneware Mug/ })
    await expect(mug).toContainText('€18.00')
    await expect(page.getByRole('link', { name: /Terracotta Planter/ })).toContainText('Out of stock')
    await expectNoSeriousAccessibilityViolations(page)

    await mug.click()
    await expect(page.getByRole('heading', { level: 1, name: 'Stoneware Mug' })).toBeVisible()
    await expectNoSeriousAccessibilityViolations(page)
    await page.getByLabel('Quantity').selectOption('2')
    await page.getByRole('button', { name: 'Add to cart' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Added 2 to your cart.' })).toBeVisible()
    await expect(page.getByTestId('cart-count')).toHaveText('2')

    await page.getByRole('link', { name: 'View cart' }).click()
    await expect(page.getByRole('heading', { name: 'Your cart' })).toBeVisible()
    const line = page.getByTestId('cart-line')
    await expect(line).toHaveCount(1)
    await expect(line.getByTestId('line-quantity')).toHaveText('2')
    await expect(line.getByTestId('line-total')).toHaveText('€36.00')
    await expect(page.getByTestId('cart-subtotal')).toHaveText('€36.00')
    await expectNoSeriousAccessibilityViolations(page)

    await line.getByRole('button', { name: 'Increase quantity of Stoneware Mug' }).click()
    await expect(line.getByTestId('line-quantity')).toHaveText('3')
    await expect(page.getByTestId('cart-subtotal')).toHaveText('€54.00')
    await expect(page.getByTestId('cart-count')).toHaveText('3')

    await line.getByRole('button', { name: 'Decrease quantity of Stoneware Mug' }).click()
    await expect(line.getByTestId('line-quantity')).toHaveText('2')
    await expect(page.getByTestId('cart-subtotal')).toHaveText('€36.00')

    await line.getByRole('button', { name: 'Remove Stoneware Mug' }).click()
    await expect(page.getByRole('heading', { name: 'Your cart is empty' })).toBeVisible()
    await expect(page.getByTestId('cart-count')).toHaveText('0')
  })

  test('an out-of-stock product cannot be added', async ({ page }) => {
    await page.goto('/products/PLANTER-TERRA-15')
    await expect(page.getByRole('heading', { level: 1, name: 'Terracotta Planter' })).toBeVisible()
    await expect(page.getByText('Out of stock')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Add to cart' })).toHaveCount(0)
  })

  test('an unknown product is a friendly 404', async ({ page }) => {
    const response = await page.goto('/products/NO-SUCH-THING')
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { name: "We couldn't find that page" })).toBeVisible()
  })
})
