import { expectKlarnaReady, payWithKlarna } from './support/checkout'
import { countClicks } from './support/clicks'
import { expect, otherSignedInCustomer, putReadyCart, test } from './support/fixtures'
import {
  klarnaOrders,
  lastRequestSeq,
  requestLogSince,
  setKlarnaCustomerTokenStatus,
  walletOf,
} from './support/sandbox-api'
import { placeKlarnaOrder } from './support/seed'
import { captureServerAction, replayServerAction } from './support/server-actions'
import { addToCart, DEMO_PASSWORD, RETURNING_EMAIL, signIn } from './support/shopper'
import type { Page } from '@playwright/test'

const savedSourceButton = (page: Page, name?: string) =>
  page.getByRole('button', { name: name ? `Pay with ${name}` : /^Pay with Klarna · / })

test.describe('one-click checkout with a saved Klarna source', () => {
  test(
    'returning@example.com pays with one click, no Klarna dialog: the association, then _place',
    { tag: '@isolated' },
    async ({ page }) => {
      const clicks = await countClicks(page)
      await signIn(page, RETURNING_EMAIL)
      await addToCart(page, 'TEAPOT-CAST-900')
      await page.goto('/checkout')

      const button = savedSourceButton(page, 'Klarna · Pay later · r•••@example.com')
      await expect(button).toContainText('€64.00')
      // The widget flow stays available, folded away.
      await expect(page.getByRole('button', { name: 'Use another Klarna account' })).toHaveAttribute(
        'aria-expanded',
        'false',
      )
      await clicks.reset()
      // Let the page finish loading, so the log holds only what the click causes.
      await page.waitForLoadState('networkidle')
      const before = await lastRequestSeq()

      await button.click()
      await expect(page.getByRole('heading', { name: 'Thank you for your order!' })).toBeVisible()
      const orderId = new URL(page.url()).pathname.split('/').pop()
      expect(await clicks.read()).toBe(1)
      await expect(page.locator('iframe[title="Klarna"]')).toHaveCount(0)
      await expect(page.getByTestId('order-total')).toHaveText('€64.00')
      await expect(page.getByTestId('payment-method')).toContainText('Klarna')

      // Behind the click, as Commerce Layer's guide shows it: the association on its own, then `_place`; nothing else
      // reaches Commerce Layer up to placing (the confirmation page's reads follow).
      const log = (await requestLogSince(before)).filter(
        (entry) => entry.path.startsWith('/api/') || entry.path.startsWith('/oauth/'),
      )
      const placing = log.findIndex((entry) => entry.method === 'PATCH' && entry.body?.includes('"_place"'))
      expect(placing).toBe(1)
      const [association, place] = log
      expect(association).toMatchObject({ method: 'PATCH', path: `/api/orders/${orderId}` })
      expect(JSON.parse(association!.body!).data.attributes).toEqual({ _customer_payment_source_id: 'TSSSrwdRto' })
      expect(new URLSearchParams(association!.query).get('include')).toContain('available_customer_payment_sources')
      expect(place).toMatchObject({ method: 'PATCH', path: `/api/orders/${orderId}` })
      expect(JSON.parse(place!.body!).data.attributes).toEqual({ _place: true })
      expect(log.filter((entry) => entry.path.startsWith('/klarna/payments/v1/sessions'))).toHaveLength(0)
    },
  )

  // Saving after a purchase through Klarna's dialog is checkout-klarna.spec.ts's subject; here it is seeded.
  test('a customer who saved Klarna pays the next order with one click', async ({
    page,
    savedKlarnaCustomer,
    readyCart,
  }) => {
    await readyCart([{ sku: 'BOARD-WALNUT-40' }], { as: savedKlarnaCustomer })
    await page.goto('/checkout')
    await savedSourceButton(page, savedKlarnaCustomer.sourceName).click()
    await expect(page.getByRole('heading', { name: 'Thank you for your order!' })).toBeVisible()
    await expect(page.getByTestId('order-total')).toHaveText('€55.00')
    await expect(page.getByText(/Paid with one click, with the Klarna saved in your wallet/)).toBeVisible()
    await expect(page.getByRole('button', { name: 'Save Klarna to my wallet' })).toHaveCount(0)
  })

  test("another customer's saved source sent straight to the server action is refused and reveals nothing", async ({
    page,
    browser,
    playwright,
    savedKlarnaCustomer: owner,
    readyCart,
  }) => {
    await readyCart([{ sku: 'MUG-STONE-350' }], { as: owner })
    await page.goto('/checkout')
    const action = await captureServerAction(page, () => savedSourceButton(page, owner.sourceName).click())

    // Someone else, signed in with a cart of their own, sends the owner's request.
    const { context: otherContext, page: other, customer: thief } = await otherSignedInCustomer(browser, 'thief')
    await putReadyCart(other, [{ sku: 'VASE-GLASS-AMBER' }], { as: thief })
    const asOther = await replayServerAction(other.request, action)
    expect(asOther.text).toContain('That saved Klarna is no longer in your wallet.')
    expect(asOther.text).not.toContain(owner.sourceName)
    await other.goto('/cart')
    await expect(other.getByTestId('cart-line')).toContainText('Amber Glass Vase')
    await otherContext.close()

    // And nobody at all.
    const anonymous = await playwright.request.newContext()
    expect((await replayServerAction(anonymous, action)).text).toContain(
      'Please sign in again to pay with your saved Klarna.',
    )
    await anonymous.dispose()

    // The owner's cart is untouched and can still pay.
    await page.reload()
    await savedSourceButton(page, owner.sourceName).click()
    await expect(page.getByRole('heading', { name: 'Thank you for your order!' })).toBeVisible()
  })

  test('a source removed meanwhile says so, keeps the cart and offers Klarna; checkout and wallet agree', async ({
    page,
    context,
    savedKlarnaCustomer,
    readyCart,
  }) => {
    const { sourceName } = savedKlarnaCustomer
    await readyCart([{ sku: 'CANDLE-FIG-200' }], { as: savedKlarnaCustomer })
    await page.goto('/checkout')
    await expect(savedSourceButton(page, sourceName)).toBeVisible()

    const walletTab = await context.newPage()
    await walletTab.goto('/account/wallet')
    await walletTab.getByRole('button', { name: `Remove ${sourceName}` }).click()
    await walletTab.getByRole('button', { name: 'Yes, remove' }).click()
    await expect(walletTab.getByText('Your wallet is empty.')).toBeVisible()
    await walletTab.close()

    await savedSourceButton(page, sourceName).click()
    await expect(
      page.getByText('That saved Klarna is no longer in your wallet. Pay with another Klarna account below.'),
    ).toBeVisible()
    await expectKlarnaReady(page)
    await expect(page.getByTestId('cart-count')).toHaveText('1')

    await page.reload()
    await expect(savedSourceButton(page)).toHaveCount(0)
    await payWithKlarna(page)
  })

  test('a cancelled Klarna customer token is explained, and the widget flow still pays', async ({
    page,
    savedKlarnaCustomer,
    readyCart,
  }) => {
    const { sourceName, klarnaCustomerToken } = savedKlarnaCustomer
    await setKlarnaCustomerTokenStatus(klarnaCustomerToken, 'CANCELLED')
    await readyCart([{ sku: 'MUG-STONE-350', quantity: 2 }], { as: savedKlarnaCustomer })
    await page.goto('/checkout')

    await savedSourceButton(page, sourceName).click()
    await expect(
      page.getByText(/Klarna declined this saved account \(it may have been cancelled\)\. Your cart is still here/),
    ).toBeVisible()
    await expect(page).toHaveURL(/\/checkout$/)
    await expect(page.getByTestId('cart-count')).toHaveText('2')
    await expectKlarnaReady(page)
    await payWithKlarna(page)
    await expect(page.getByTestId('order-total')).toHaveText('€36.00')
  })

  test('a double click places one order and charges the saved source once', async ({
    page,
    savedKlarnaCustomer,
    readyCart,
  }) => {
    await readyCart([{ sku: 'THROW-WOOL-OAT' }], { as: savedKlarnaCustomer })
    await page.goto('/checkout')
    await savedSourceButton(page, savedKlarnaCustomer.sourceName).dblclick()
    await expect(page.getByRole('heading', { name: 'Thank you for your order!' })).toBeVisible()
    const number = (await page.getByTestId('order-number').textContent())?.replace('#', '') ?? ''
    expect(await klarnaOrders({ merchantReference: number })).toHaveLength(1)
    expect(await klarnaOrders({ customerToken: savedKlarnaCustomer.klarnaCustomerToken })).toHaveLength(1)
  })

  test('the save is never sent for an order paid from the wallet, even straight to the server action', async ({
    page,
    newCustomer,
    readyCart,
  }) => {
    const { email } = newCustomer
    // A purchase with Klarna's widget, not saved (seeded); its confirmation offers to save it.
    const { orderId: widgetOrderId } = await placeKlarnaOrder(newCustomer)
    await page.goto(`/orders/${widgetOrderId}`)
    // The confirmation's "Save Klarna to my wallet", caught on its way, then sent for real.
    const save = page.getByRole('button', { name: 'Save Klarna to my wallet' })
    const saveAction = await captureServerAction(page, () => save.click())
    await page.reload()
    await save.click()
    await expect(page.getByText('Klarna saved to your wallet')).toBeVisible()

    await readyCart([{ sku: 'MUG-STONE-350' }], { as: newCustomer })
    await page.goto('/checkout')
    await savedSourceButton(page).click()
    await expect(page.getByRole('heading', { name: 'Thank you for your order!' })).toBeVisible()
    const oneClickOrderId = new URL(page.url()).pathname.split('/').pop()!
    await expect(page.getByRole('button', { name: 'Save Klarna to my wallet' })).toHaveCount(0)

    const before = await lastRequestSeq()
    const replayed = await replayServerAction(page.request, saveAction, { [widgetOrderId]: oneClickOrderId })
    expect(replayed.text).toContain('This order was paid with Klarna from your wallet')
    // Other tests run alongside: a save for either of this customer's orders, wherever it was sent.
    const saves = (await requestLogSince(before)).filter(
      (entry) =>
        entry.body?.includes('_save_payment_source_to_customer_wallet') &&
        [widgetOrderId, oneClickOrderId].some((id) => entry.body?.includes(id) || entry.path.includes(id)),
    )
    expect(saves).toEqual([])
    expect(await walletOf(email, DEMO_PASSWORD)).toHaveLength(1)
  })
})
