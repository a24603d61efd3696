import { expect, test, type Page } from '@playwright/test'
import { countClicks } from './support/clicks'
import { otherSignedInCustomer, signInThroughApi } from './support/fixtures'
import { klarnaOrders, placedOrdersOf, setKlarnaCustomerTokenStatus, walletTokensOf } from './support/sandbox-api'
import { createCustomer, seedCustomer } from './support/seed'
import { captureServerAction, replayServerAction } from './support/server-actions'
import { addToCart, uniqueEmail } from './support/shopper'

const buyNowButton = (page: Page) => page.getByRole('button', { name: /^Buy now · / })
const confirmation = (page: Page) => page.getByRole('heading', { name: 'Thank you for your order!' })

test.describe('Buy now on the product page', () => {
  test('a returning customer buys with exactly one click, and the cart stays as it was', async ({ page }) => {
    const customer = await seedCustomer('buynow', { sources: 1 })
    const clicks = await countClicks(page)
    await signInThroughApi(page, customer.email, customer.password)
    await addToCart(page, 'MUG-STONE-350')
    await expect(page.getByTestId('cart-count')).toHaveText('1')

    await page.goto('/products/BOARD-WALNUT-40')
    await page.getByLabel('Quantity').selectOption('2')
    const button = buyNowButton(page)
    await expect(button).toHaveAccessibleName(`Buy now · ${customer.sourceNames[0]} €110.00`)
    await expect(page.getByText('delivered to Sara Conti, Torino, Italy')).toBeVisible()
    await clicks.reset()

    await button.click()
    await expect(confirmation(page)).toBeVisible()
    expect(await clicks.read()).toBe(1)
    await expect(page.getByTestId('order-total')).toHaveText('€110.00')
    await expect(page.getByRole('region', { name: 'Items' })).toContainText('Walnut Cutting Board × 2')
    await expect(page.getByText(/Paid with one click/)).toBeVisible()
    await expect(page.locator('address').first()).toContainText('Italy')

    await expect(page.getByTestId('cart-count')).toHaveText('1')
    await page.goto('/cart')
    await expect(page.getByTestId('cart-line')).toHaveCount(1)
    await expect(page.getByTestId('cart-line')).toContainText('Stoneware Mug')
  })

  test('a guest, and a customer without a saved source or address, see no Buy now', async ({ page }) => {
    await page.goto('/products/BOARD-WALNUT-40')
    await expect(page.getByRole('button', { name: 'Add to cart' })).toBeVisible()
    await expect(buyNowButton(page)).toHaveCount(0)

    const customer = await createCustomer(uniqueEmail('nowallet'))
    await signInThroughApi(page, customer.email, customer.password)
    await page.goto('/products/BOARD-WALNUT-40')
    await expect(page.getByRole('button', { name: 'Add to cart' })).toBeVisible()
    await expect(buyNowButton(page)).toHaveCount(0)
  })

  test('a customer with an address but no saved source sees no Buy now', async ({ page }) => {
    const customer = await seedCustomer('addressonly', { sources: 0 })
    await signInThroughApi(page, customer.email, customer.password)
    await page.goto('/products/BOARD-WALNUT-40')
    await expect(page.getByRole('button', { name: 'Add to cart' })).toBeVisible()
    await expect(buyNowButton(page)).toHaveCount(0)
  })

  test('a refused source (a cancelled Klarna token) places nothing, says so, and offers checkout', async ({ page }) => {
    const customer = await seedCustomer('refused', { sources: 1 })
    const [saved] = await walletTokensOf(customer.email, customer.password)
    await setKlarnaCustomerTokenStatus(saved!.token, 'CANCELLED')
    const placedBefore = (await placedOrdersOf(customer.email, customer.password)).length
    await signInThroughApi(page, customer.email, customer.password)

    await page.goto('/products/VASE-GLASS-AMBER')
    await buyNowButton(page).click()
    await expect(page.getByRole('status').filter({ hasText: /Klarna declined this saved account/ })).toContainText(
      'Nothing was ordered',
    )
    await expect(page).toHaveURL(/\/products\/VASE-GLASS-AMBER$/)
    expect(await placedOrdersOf(customer.email, customer.password)).toHaveLength(placedBefore)
    expect(await klarnaOrders({ customerToken: saved!.token })).toHaveLength(0)

    await page.getByRole('button', { name: 'Check out instead' }).click()
    await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible()
    await expect(page.getByRole('region', { name: 'Order summary' })).toContainText('Amber Glass Vase')
  })

  test('a double click places one order and charges the saved source once', async ({ page }) => {
    const customer = await seedCustomer('buytwice', { sources: 1 })
    const [saved] = await walletTokensOf(customer.email, customer.password)
    const placedBefore = (await placedOrdersOf(customer.email, customer.password)).length
    await signInThroughApi(page, customer.email, customer.password)
    await page.goto('/products/THROW-WOOL-OAT')
    await buyNowButton(page).dblclick()
    await expect(confirmation(page)).toBeVisible()
    expect(await placedOrdersOf(customer.email, customer.password)).toHaveLength(placedBefore + 1)
    expect(await klarnaOrders({ customerToken: saved!.token })).toHaveLength(1)
  })

  test("another customer, or nobody, replaying the owner's Buy now places nothing", async ({
    page,
    browser,
    playwright,
  }) => {
    const owner = await seedCustomer('buyowner', { sources: 1 })
    const placedBefore = (await placedOrdersOf(owner.email, owner.password)).length
    await signInThroughApi(page, owner.email, owner.password)
    await page.goto('/products/BOWL-OAK-24')
    const action = await captureServerAction(page, () => buyNowButton(page).click())

    const { context: otherContext, page: other } = await otherSignedInCustomer(browser, 'buythief')
    const asOther = await replayServerAction(other.request, action)
    expect(asOther.text).toContain('That saved Klarna is no longer in your wallet. Nothing was ordered.')
    expect(asOther.text).not.toContain(owner.sourceNames[0])
    await otherContext.close()

    const anonymous = await playwright.request.newContext()
    expect((await replayServerAction(anonymous, action)).text).toContain('Please sign in again to buy with one click.')
    await anonymous.dispose()
    expect(await placedOrdersOf(owner.email, owner.password)).toHaveLength(placedBefore)
  })
})
