import {
  approveInKlarnaDialog,
  expectKlarnaReady,
  fillCheckoutDetails,
  ITALIAN_ADDRESS,
  payWithKlarna,
} from './support/checkout'
import { expect, otherSignedInCustomer, putReadyCart, test } from './support/fixtures'
import { placedOrdersOf, walletOf } from './support/sandbox-api'
import { placeKlarnaOrder } from './support/seed'
import { captureServerAction, replayServerAction } from './support/server-actions'
import { addToCart, DEMO_PASSWORD, uniqueEmail } from './support/shopper'

// Server actions are public endpoints. Each test catches a real request of one shopper's and sends it again
// as somebody else and as nobody; the first shopper's data must not change.

test.describe('server actions called directly', () => {
  test("saving another customer's Klarna to a wallet is refused", async ({
    page,
    browser,
    playwright,
    newCustomer,
  }) => {
    const owner = newCustomer.email
    // A purchase with Klarna, not saved (seeded); its confirmation page offers to save it.
    const { orderId } = await placeKlarnaOrder(newCustomer)
    await page.goto(`/orders/${orderId}`)
    const action = await captureServerAction(page, () =>
      page.getByRole('button', { name: 'Save Klarna to my wallet' }).click(),
    )

    const { context: otherContext, page: other } = await otherSignedInCustomer(browser, 'other')
    expect((await replayServerAction(other.request, action)).text).toContain('That order is not yours to save from.')
    await otherContext.close()

    const anonymous = await playwright.request.newContext()
    expect((await replayServerAction(anonymous, action)).text).toContain(
      'Please sign in to save Klarna to your wallet.',
    )
    await anonymous.dispose()

    expect(await walletOf(owner, DEMO_PASSWORD)).toHaveLength(0)
    // The caught request never reached the server: the owner's page is reloaded and saves for real.
    await page.reload()
    await page.getByRole('button', { name: 'Save Klarna to my wallet' }).click()
    await expect(page.getByText('Klarna saved to your wallet')).toBeVisible()
  })

  test("checkout's actions act only on the caller's own cart", async ({
    page,
    browser,
    playwright,
    newCustomer,
    readyCart,
  }) => {
    const owner = newCustomer.email
    // The owner's cart, its details saved (seeded): the form shows them, ready to update.
    await readyCart([{ sku: 'CANDLE-FIG-200' }], { as: newCustomer })
    await page.goto('/checkout')

    // The details form, caught before it reaches the server.
    const details = await captureServerAction(page, () => page.getByRole('button', { name: 'Update details' }).click())
    const anonymous = await playwright.request.newContext()
    expect((await replayServerAction(anonymous, details)).text).toContain(
      'Your cart is empty or was already checked out.',
    )

    // Pay: Klarna approves, and the action that would place the order is caught.
    await page.reload()
    await expectKlarnaReady(page)
    await page.getByRole('button', { name: 'Pay with Klarna', exact: true }).click()
    const pay = await captureServerAction(page, () => approveInKlarnaDialog(page))

    expect((await replayServerAction(anonymous, pay)).text).toContain('Your cart is empty or was already checked out.')
    await anonymous.dispose()
    // Someone else, signed in with a cart of their own (both seeded), sends the owner's request.
    const { context: otherContext, page: other, customer: intruder } = await otherSignedInCustomer(browser, 'intruder')
    await putReadyCart(other, [{ sku: 'VASE-GLASS-AMBER' }], { as: intruder })
    const asOther = await replayServerAction(other.request, pay)
    expect(asOther.text).not.toContain('"placed"')
    expect(await placedOrdersOf(owner, DEMO_PASSWORD)).toHaveLength(0)
    await other.goto('/cart')
    await expect(other.getByTestId('cart-line')).toContainText('Amber Glass Vase')
    await otherContext.close()

    // The owner can still pay, once.
    await page.reload()
    await payWithKlarna(page)
    expect(await placedOrdersOf(owner, DEMO_PASSWORD)).toHaveLength(1)
  })

  test('what a shopper types is shown as text, never run', async ({ page }) => {
    await page.addInitScript(() => Object.assign(window, { injected: [] as string[] }))
    await addToCart(page, 'MUG-STONE-350')
    await page.goto('/checkout')
    const hostile = {
      ...ITALIAN_ADDRESS,
      firstName: '<img src=x onerror="injected.push(1)">',
      line1: '<script>injected.push(2)</script> Via Roma 1',
      city: '"><svg onload=injected.push(3)>',
    }
    await fillCheckoutDetails(page, { email: uniqueEmail('markup'), address: hostile })
    await payWithKlarna(page)
    await expect(page.getByRole('region', { name: 'Delivery and payment' })).toContainText(
      '<img src=x onerror="injected.push(1)">',
    )
    await expect(page.getByRole('region', { name: 'Delivery and payment' })).toContainText(
      '<script>injected.push(2)</script> Via Roma 1',
    )
    expect(await page.evaluate(() => (window as unknown as { injected: unknown[] }).injected)).toEqual([])
    await expect(page.locator('main img[src="x"]')).toHaveCount(0)
  })
})
