import { expect, test } from '@playwright/test'
import { expectNoSeriousAccessibilityViolations } from './support/accessibility'
import { signInThroughApi } from './support/fixtures'
import { placedOrdersOf } from './support/sandbox-api'
import { createCustomer } from './support/seed'
import { addToCart, DEMO_PASSWORD, RETURNING_EMAIL, signIn, signOut, signUp, uniqueEmail } from './support/shopper'

test.describe('customer accounts', () => {
  test('sign up → sign out → sign in → account pages', async ({ page }) => {
    const email = uniqueEmail('signup')
    await signUp(page, email)
    await expect(page).toHaveURL(/\/account$/)
    await expect(page.getByTestId('account-email')).toHaveText(email)

    await signOut(page)
    await signIn(page, email)
    await expect(page).toHaveURL(/\/account$/)

    await page.getByRole('link', { name: 'Orders' }).first().click()
    await expect(page.getByText('No orders yet.')).toBeVisible()
    await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Wallet' }).click()
    await expect(page.getByText('Your wallet is empty.')).toBeVisible()
    await expectNoSeriousAccessibilityViolations(page)
  })

  test('sign-up explains what is wrong, next to the field', async ({ page }) => {
    await page.goto('/signup')
    await page.getByLabel('Email').fill('not-an-email')
    await page.getByLabel('Password', { exact: true }).fill('short')
    await page.getByLabel('Confirm password').fill('different')
    await page.getByRole('button', { name: 'Create account' }).click()
    await expect(page.getByText('Enter an email address like name@example.com.')).toBeVisible()
    await expect(page.getByText('Use at least 8 characters.')).toBeVisible()
    await expect(page.getByText('The passwords do not match.')).toBeVisible()

    await page.getByLabel('Email').fill(RETURNING_EMAIL)
    await page.getByLabel('Password', { exact: true }).fill('long-enough-1')
    await page.getByLabel('Confirm password').fill('long-enough-1')
    await page.getByRole('button', { name: 'Create account' }).click()
    await expect(page.getByText('An account with this email already exists. Sign in instead?')).toBeVisible()
    await expect(page.getByLabel('Email')).toHaveValue(RETURNING_EMAIL)
  })

  test('a wrong password says only that', async ({ page }) => {
    await page.goto('/signin')
    await page.getByLabel('Email').fill(RETURNING_EMAIL)
    await page.getByLabel('Password').fill('wrong-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Email or password is incorrect' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible()
  })

  test('the guest cart survives signing in', async ({ page }) => {
    // A customer who already has an account (seeded), shopping as a guest.
    const { email } = await createCustomer(uniqueEmail('cart'))

    await addToCart(page, 'TOWEL-LINEN-SAGE', 2)
    await expect(page.getByTestId('cart-count')).toHaveText('2')
    await signIn(page, email, DEMO_PASSWORD, '/signin?callbackUrl=%2Fcart')
    await expect(page).toHaveURL(/\/cart$/)
    await expect(page.getByTestId('cart-line')).toContainText('Linen Tea Towel, Sage')
    await expect(page.getByTestId('cart-count')).toHaveText('2')

    // Signing out starts a new guest cart.
    await signOut(page)
    await expect(page.getByTestId('cart-count')).toHaveText('0')
  })

  test('a signed-out visit to the wallet goes to sign-in and back', async ({ page }) => {
    await page.goto('/account/wallet')
    await expect(page).toHaveURL(/\/signin\?reason=account&callbackUrl=%2Faccount%2Fwallet/)
    await expect(page.getByText('Please sign in to see your account.')).toBeVisible()
    await page.getByLabel('Email').fill(RETURNING_EMAIL)
    await page.getByLabel('Password').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page).toHaveURL(/\/account\/wallet$/)
    await expect(page.getByTestId('wallet-entry').first()).toContainText('Klarna')
  })

  test('the returning customer sees their order, with Klarna as the payment', async ({ page }) => {
    await signIn(page, RETURNING_EMAIL)
    await page.goto('/account/orders')
    const row = page.getByTestId('order-row').first()
    await expect(row).toContainText('Klarna')
    await expect(row).toContainText('Placed')
    await row.getByRole('link').click()
    await expect(page.getByRole('heading', { name: /Order #/ })).toBeVisible()
    await expect(page.getByTestId('payment-method')).toContainText('Klarna')
  })

  test("one customer can't see another's order", async ({ page }) => {
    const [returningOrder] = await placedOrdersOf(RETURNING_EMAIL, DEMO_PASSWORD)
    expect(returningOrder).toBeDefined()
    const nosy = await createCustomer(uniqueEmail('nosy'))
    await signInThroughApi(page, nosy.email, nosy.password)
    const response = await page.goto(`/account/orders/${returningOrder!.id}`)
    expect(response?.status()).toBe(404)
    await expect(page.getByText(`#${returningOrder!.number}`)).toHaveCount(0)
  })
})
