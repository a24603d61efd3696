import { expect, type Page } from '@playwright/test'
import { fillCheckoutDetails, payWithKlarna } from './checkout'
import { addToCart, signUp, uniqueEmail } from './shopper'

/** A new customer who bought through Klarna's dialog and kept "Save Klarna" ticked: their wallet has one source. */
export async function newCustomerWithSavedKlarna(
  page: Page,
  prefix = 'saver',
): Promise<{ email: string; sourceName: string }> {
  const email = uniqueEmail(prefix)
  await signUp(page, email)
  await addToCart(page, 'TOWEL-LINEN-SAGE')
  await page.goto('/checkout')
  await fillCheckoutDetails(page, {})
  await expect(page.getByLabel('Save Klarna for faster checkout next time')).toBeChecked()
  await payWithKlarna(page)
  await expect(page.getByText('Klarna saved to your wallet')).toBeVisible()
  const sourceName = (await page.getByTestId('saved-source-name').textContent())?.trim() ?? ''
  return { email, sourceName }
}
