import { expectNoSeriousAccessibilityViolations } from './support/accessibility'
import {
  approveInKlarnaDialog,
  expectKlarnaReady,
  fillCheckoutDetails,
  klarnaDialog,
  payWithKlarna,
} from './support/checkout'
import { expect, test } from './support/fixtures'
import {
  klarnaOrders,
  lastRequestSeq,
  moveSandboxClock,
  newKlarnaClientToken,
  requestLogSince,
  walletOf,
} from './support/sandbox-api'
import { createCustomer } from './support/seed'
import { addToCart, DEMO_PASSWORD, RETURNING_EMAIL, signIn, uniqueEmail } from './support/shopper'

test.describe('checkout with Klarna', () => {
  test('a guest buys with Klarna and sees the confirmation', async ({ page }) => {
    await addToCart(page, 'VASE-GLASS-AMBER')
    await page.goto('/checkout')
    await expectNoSeriousAccessibilityViolations(page, { exclude: ['iframe'] })
    await fillCheckoutDetails(page, { email: uniqueEmail('guest'), shipping: 'Express' })
    await expect(page.getByTestId('checkout-total')).toHaveText('€48.90')
    await expect(page.getByLabel('Save Klarna for faster checkout next time')).toHaveCount(0)
    await expectNoSeriousAccessibilityViolations(page, { exclude: ['iframe'] })

    await payWithKlarna(page)
    await expect(page).toHaveURL(/\/orders\/[A-Za-z]+$/)
    await expect(page.getByTestId('order-total')).toHaveText('€48.90')
    await expect(page.getByTestId('payment-method')).toHaveText('Klarna · Pay in 30 days')
    await expect(page.getByRole('link', { name: 'Create an account to pay with one click next time' })).toHaveAttribute(
      'href',
      '/signup',
    )
    await expect(page.getByTestId('cart-count')).toHaveText('0')
    await expectNoSeriousAccessibilityViolations(page, { exclude: ['iframe'] })
  })

  test('checkout explains a bad address next to its field, and keeps what was typed', async ({ page }) => {
    await addToCart(page, 'MUG-STONE-350')
    await page.goto('/checkout')
    await page.getByRole('region', { name: 'Contact' }).getByLabel('Email').fill('not-an-email')
    await page.getByRole('region', { name: 'Billing address' }).getByLabel('First name').fill('Ada')
    await page.getByRole('button', { name: 'Continue to payment' }).click()
    await expect(page.getByText('Enter an email address like name@example.com.')).toBeVisible()
    await expect(page.getByText('Enter your last name.')).toBeVisible()
    await expect(page.getByText('Enter a postal code like 20121.')).toBeVisible()
    await expect(page.getByRole('region', { name: 'Billing address' }).getByLabel('First name')).toHaveValue('Ada')
    await expect(page.getByText('Fill in your details above to pay with Klarna.')).toBeVisible()
  })

  test('a signed-in purchase saves Klarna to the wallet, with the documented request', async ({
    page,
    newCustomer,
    readyCart,
  }) => {
    const { email } = newCustomer
    const cartId = await readyCart([{ sku: 'TOWEL-LINEN-SAGE' }], { as: newCustomer })
    const before = await lastRequestSeq()
    await page.goto('/checkout')
    await expect(page.getByLabel('Save Klarna for faster checkout next time')).toBeChecked()
    await payWithKlarna(page)
    await expect(page.getByText('Klarna saved to your wallet')).toBeVisible()
    const sourceName = (await page.getByTestId('saved-source-name').textContent())?.trim() ?? ''
    expect(sourceName).toBe(`Klarna · Pay later · ${email[0]}•••@example.com`)
    await expectNoSeriousAccessibilityViolations(page, { exclude: ['iframe'] })

    // The save is exactly the first request of "Reusing the payment source": its include and its body.
    const saves = (await requestLogSince(before)).filter(
      // Other tests run alongside: this cart's saves (by the id in the body, so one sent to a wrong path counts).
      (entry) =>
        entry.method === 'PATCH' &&
        entry.body?.includes('_save_payment_source_to_customer_wallet') &&
        entry.body.includes(cartId),
    )
    expect(saves).toHaveLength(1)
    const [save] = saves
    expect(save!.path).toMatch(/^\/api\/orders\/[A-Za-z]+$/)
    expect(save!.query).toBe('?include=available_customer_payment_sources')
    const orderId = save!.path.split('/').pop()
    expect(JSON.parse(save!.body!)).toEqual({
      data: {
        type: 'orders',
        id: orderId,
        attributes: { _save_payment_source_to_customer_wallet: true },
        relationships: {},
      },
    })

    await page.goto('/account/wallet')
    await expect(page.getByTestId('wallet-entry')).toHaveCount(1)
    await expect(page.getByTestId('wallet-entry')).toContainText(sourceName)
    expect(await walletOf(email, DEMO_PASSWORD)).toHaveLength(1)
  })

  test('a purchase without saving, then saving once from the confirmation page', async ({
    page,
    newCustomer,
    readyCart,
  }) => {
    const { email } = newCustomer
    await readyCart([{ sku: 'CANDLE-FIG-200' }], { as: newCustomer })
    await page.goto('/checkout')
    await expectKlarnaReady(page)
    await page.getByLabel('Save Klarna for faster checkout next time').uncheck()
    await payWithKlarna(page)
    expect(await walletOf(email, DEMO_PASSWORD)).toHaveLength(0)

    const save = page.getByRole('button', { name: 'Save Klarna to my wallet' })
    await save.click()
    await expect(page.getByText('Klarna saved to your wallet')).toBeVisible()
    await expect(save).toHaveCount(0)
    expect(await walletOf(email, DEMO_PASSWORD)).toHaveLength(1)

    // Saving again from a reloaded page changes nothing: the page already shows the saved source.
    await page.reload()
    await expect(page.getByTestId('saved-source-name')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Save Klarna to my wallet' })).toHaveCount(0)
    expect(await walletOf(email, DEMO_PASSWORD)).toHaveLength(1)
  })

  test('a guest who signs in halfway through checkout can still save Klarna', async ({ page }) => {
    const { email } = await createCustomer(uniqueEmail('midway'))

    // As a guest, far enough that Klarna's session is opened (for a guest, it cannot make a customer token)…
    await addToCart(page, 'MUG-STONE-350')
    await page.goto('/checkout')
    await fillCheckoutDetails(page, { email })

    // …then signing in, and back to checkout.
    await signIn(page, email, DEMO_PASSWORD, '/signin?callbackUrl=%2Fcheckout')
    await expect(page).toHaveURL(/\/checkout$/)
    await expect(page.getByLabel('Save Klarna for faster checkout next time')).toBeChecked()
    await payWithKlarna(page)
    await expect(page.getByText('Klarna saved to your wallet')).toBeVisible()
    expect(await walletOf(email, DEMO_PASSWORD)).toHaveLength(1)
  })

  test('Klarna refusing the shopper (+denied) keeps the cart and greys Klarna out', async ({ page, readyCart }) => {
    await readyCart([{ sku: 'BOWL-OAK-24', quantity: 2 }], { email: uniqueEmail('refused+denied') })
    await page.goto('/checkout')
    await expectKlarnaReady(page)
    await page.getByRole('button', { name: 'Pay with Klarna', exact: true }).click()
    await approveInKlarnaDialog(page)
    await expect(page.getByText("Klarna can't be used for this order. Your cart is still here.")).toBeVisible()
    await expect(page.getByRole('button', { name: 'Pay with Klarna', exact: true })).toBeDisabled()
    await expect(page).toHaveURL(/\/checkout$/)
    await expect(page.getByTestId('cart-count')).toHaveText('2')
    await page.goto('/cart')
    await expect(page.getByTestId('cart-line')).toContainText('Oak Serving Bowl')
  })

  test(
    "Klarna's widget answering show_form: false greys Klarna out, says so, and the saved Klarna still pays",
    { tag: '@isolated' },
    async ({ page }) => {
      await signIn(page, RETURNING_EMAIL)
      await addToCart(page, 'CANDLE-FIG-200')
      await page.goto('/checkout')
      // Klarna renders its widget for a session 49 hours old: expired, so `load` calls back `show_form: false`.
      await page.route('**/klarna/kp/widget?**', async (route) => {
        await moveSandboxClock({ advanceSeconds: 49 * 60 * 60 })
        try {
          await route.fulfill({ response: await route.fetch() })
        } finally {
          await moveSandboxClock({ reset: true })
        }
      })
      await page.getByRole('button', { name: 'Use another Klarna account' }).click()
      await expect(page.getByText("Klarna can't be used for this order. Your cart is still here")).toBeVisible()
      await expect(page.getByRole('button', { name: 'Pay with Klarna', exact: true })).toBeDisabled()
      await expect(page.getByTestId('cart-count')).toHaveText('1')

      // The other way to pay is still there, and works.
      await page.unroute('**/klarna/kp/widget?**')
      await page.getByRole('button', { name: /^Pay with Klarna · / }).click()
      await expect(page.getByRole('heading', { name: 'Thank you for your order!' })).toBeVisible()
    },
  )

  test('Klarna throwing from authorize (ApplicationNotLoadedError) says so instead of a busy button', async ({
    page,
    readyCart,
  }) => {
    await readyCart([{ sku: 'MUG-STONE-350' }], { email: uniqueEmail('thrown') })
    await page.goto('/checkout')
    await expectKlarnaReady(page)
    // Initialising Klarna again (another script on the page, say) unloads the widget: authorize now throws.
    const clientToken = await newKlarnaClientToken()
    await page.evaluate((token) => window.Klarna?.Payments.init({ client_token: token }), clientToken)
    await page.getByRole('button', { name: 'Pay with Klarna', exact: true }).click()

    await expect(
      page.getByText("Klarna's dialog couldn't open. Reload the page to try again, or pay another way."),
    ).toBeVisible()
    await expect(page.getByRole('button', { name: /Pay with Klarna|Placing your order/ })).toHaveCount(0)
    await expect(page.locator('iframe[title="Klarna"]')).toHaveCount(0)
    await page.reload()
    await expectKlarnaReady(page)
    await payWithKlarna(page)
  })

  test('closing Klarna’s dialog changes nothing', async ({ page, readyCart }) => {
    await readyCart([{ sku: 'MUG-STONE-350' }])
    await page.goto('/checkout')
    await expectKlarnaReady(page)
    await page.getByRole('button', { name: 'Pay with Klarna', exact: true }).click()
    await klarnaDialog(page).getByRole('button', { name: 'Close Klarna and go back to the shop' }).click()
    await expectKlarnaReady(page)
    await expect(page.getByTestId('klarna-checkout').getByRole('status')).toHaveText('')
    await expect(page).toHaveURL(/\/checkout$/)

    // And paying afterwards still works.
    await payWithKlarna(page)
  })

  test('a cart changed after the Klarna payment was made is paid at its new total', async ({
    page,
    context,
    readyCart,
  }) => {
    await readyCart([{ sku: 'MUG-STONE-350' }])
    await page.goto('/checkout')
    await expectKlarnaReady(page)
    await expect(page.getByTestId('checkout-total')).toHaveText('€18.00')

    // Another tab adds a teapot while this one still shows the old Klarna session.
    const otherTab = await context.newPage()
    await addToCart(otherTab, 'TEAPOT-CAST-900')
    await otherTab.close()

    await page.getByRole('button', { name: 'Pay with Klarna', exact: true }).click()
    await approveInKlarnaDialog(page)
    await expect(page.getByText('Your cart changed. Please confirm with Klarna again.')).toBeVisible()
    // The page now shows the new total, and Klarna's widget a new session for it (one widget, not two).
    await expect(page.getByTestId('checkout-total')).toHaveText('€82.00')
    await expect(page.getByTestId('cart-count')).toHaveText('2')
    await expect(page.frameLocator('iframe[title="Klarna payment method"]').getByText('€82.00')).toBeVisible()
    await expect(page.locator('iframe[title="Klarna payment method"]')).toHaveCount(1)
    await payWithKlarna(page)
    await expect(page.getByTestId('order-total')).toHaveText('€82.00')
  })

  test(
    'an authorization that expired before the order was placed asks to authorize again',
    { tag: '@isolated' },
    async ({ page, readyCart }) => {
      await readyCart([{ sku: 'MUG-STONE-350' }])
      await page.goto('/checkout')
      await expectKlarnaReady(page)

      // Klarna approves, then 61 minutes pass before the shop places the order: the approval has expired.
      await page.route('**/checkout', async (route) => {
        const request = route.request()
        if (
          request.method() === 'POST' &&
          request.headers()['next-action'] &&
          request.postData()?.includes('authorizationToken')
        ) {
          await moveSandboxClock({ advanceSeconds: 61 * 60 })
        }
        await route.continue()
      })
      try {
        await page.getByRole('button', { name: 'Pay with Klarna', exact: true }).click()
        await approveInKlarnaDialog(page)
        await expect(page.getByText(/Klarna needs to confirm this payment again/)).toBeVisible()
        await expect(page).toHaveURL(/\/checkout$/)
      } finally {
        await page.unroute('**/checkout')
        await moveSandboxClock({ reset: true })
      }
      await payWithKlarna(page)
    },
  )

  test('a double click on "Pay with Klarna" opens one dialog and places one order', async ({ page, readyCart }) => {
    await readyCart([{ sku: 'MUG-STONE-350' }])
    await page.goto('/checkout')
    await expectKlarnaReady(page)
    await page.getByRole('button', { name: 'Pay with Klarna', exact: true }).dblclick()
    await expect(page.locator('iframe[title="Klarna"]')).toHaveCount(1)
    await approveInKlarnaDialog(page)
    await expect(page.getByRole('heading', { name: 'Thank you for your order!' })).toBeVisible()
    const number = (await page.getByTestId('order-number').textContent())?.replace('#', '') ?? ''
    expect(await klarnaOrders({ merchantReference: number })).toHaveLength(1)
  })
})
