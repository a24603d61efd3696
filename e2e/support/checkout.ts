import { expect, type Page } from '@playwright/test'

export type AddressInput = {
  firstName: string
  lastName: string
  line1: string
  city: string
  zipCode: string
  country: string
  phone: string
}

export const ITALIAN_ADDRESS: AddressInput = {
  firstName: 'Giulia',
  lastName: 'Bianchi',
  line1: 'Via Torino 5',
  city: 'Milano',
  zipCode: '20123',
  country: 'Italy',
  phone: '+39 02 1234567',
}

export async function fillAddress(
  page: Page,
  sectionName: 'Billing address' | 'Shipping address',
  address: AddressInput,
) {
  const section = page.getByRole('region', { name: sectionName })
  await section.getByLabel('First name').fill(address.firstName)
  await section.getByLabel('Last name').fill(address.lastName)
  await section.getByLabel('Street address').fill(address.line1)
  await section.getByLabel('City').fill(address.city)
  await section.getByLabel('Postal code').fill(address.zipCode)
  await section.getByLabel('Country').selectOption({ label: address.country })
  await section.getByLabel('Phone').fill(address.phone)
}

/** A guest's (or a new customer's) checkout details, saved, until the Klarna button is ready. */
export async function fillCheckoutDetails(
  page: Page,
  {
    email,
    address = ITALIAN_ADDRESS,
    shipping = 'Standard',
  }: { email?: string; address?: AddressInput; shipping?: 'Standard' | 'Express' },
) {
  await expect(page.getByRole('heading', { name: 'Checkout' })).toBeVisible()
  if (email) await page.getByRole('region', { name: 'Contact' }).getByLabel('Email').fill(email)
  await fillAddress(page, 'Billing address', address)
  await page.getByRole('radio', { name: new RegExp(shipping) }).check()
  await page.getByRole('button', { name: /Continue to payment|Update details/ }).click()
  await expectKlarnaReady(page)
}

export async function expectKlarnaReady(page: Page) {
  await expect(page.getByRole('button', { name: 'Pay with Klarna', exact: true })).toBeEnabled({ timeout: 15_000 })
}

export const klarnaDialog = (page: Page) => page.frameLocator('iframe[title="Klarna"]')

/** Walks Klarna's dialog as a shopper does: identity, one-time code, plan, confirm. */
export async function approveInKlarnaDialog(
  page: Page,
  { email, code = '123456' }: { email?: string; code?: string } = {},
) {
  const dialog = klarnaDialog(page)
  const identity = dialog.getByTestId('kaf-field')
  await expect(identity).toBeVisible()
  if (email) await identity.fill(email)
  await dialog.getByRole('button', { name: 'Continue' }).click()
  await dialog.locator('#otp_field__container input').fill(code)
  await dialog.getByTestId('pick-plan').click()
  await dialog.getByTestId('confirm-and-pay').click()
}

export async function payWithKlarna(page: Page, options: { email?: string } = {}) {
  await page.getByRole('button', { name: 'Pay with Klarna', exact: true }).click()
  await approveInKlarnaDialog(page, options)
  await expect(page.getByRole('heading', { name: 'Thank you for your order!' })).toBeVisible({ timeout: 20_000 })
}
