import { expect, type Page } from '@playwright/test'

export const DEMO_PASSWORD = 'demo1234'
export const RETURNING_EMAIL = 'returning@example.com'
export const NEW_EMAIL = 'new@example.com'

let counter = 0
/** An email no other test (or earlier run on the same database) has used. */
export function uniqueEmail(prefix = 'shopper'): string {
  counter += 1
  return `${prefix}.${Date.now().toString(36)}${counter}@example.com`
}

/** Signed in: "Sign out" in the header, or on a phone the "Account" button it folds into. */
export async function expectSignedIn(page: Page) {
  await expect(
    page.getByRole('button', { name: 'Sign out' }).or(page.getByRole('button', { name: 'Account', exact: true })),
  ).toBeVisible()
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, from = '/signin') {
  await page.goto(from)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expectSignedIn(page)
}

export async function signUp(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/signup')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByLabel('Confirm password').fill(password)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expectSignedIn(page)
}

export async function signOut(page: Page) {
  const phoneMenu = page.getByRole('button', { name: 'Account', exact: true })
  if (await phoneMenu.isVisible()) await phoneMenu.click()
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible()
}

export async function addToCart(page: Page, code: string, quantity = 1) {
  await page.goto(`/products/${code}`)
  if (quantity !== 1) await page.getByLabel('Quantity').selectOption(String(quantity))
  await page.getByRole('button', { name: 'Add to cart' }).click()
  await expect(page.getByRole('status').filter({ hasText: /Added/ })).toBeVisible()
}
