import { expect, test } from '@playwright/test'
import { signInThroughApi } from './support/fixtures'
import { seedCustomer } from './support/seed'

test('"Buy again" puts a past order\'s items into a new cart and opens checkout, one click from paying', async ({
  page,
}) => {
  const customer = await seedCustomer('again', { sources: 1 })
  await signInThroughApi(page, customer.email, customer.password)
  await page.goto('/account/orders')
  const row = page.getByTestId('order-row').first()
  const number = (await row.getByRole('link').textContent())?.trim() ?? ''
  await row.getByRole('button', { name: `Buy order ${number} again` }).click()

  await expect(page).toHaveURL(/\/checkout$/)
  await expect(page.getByRole('region', { name: 'Order summary' })).toContainText('Linen Tea Towel, Sage × 1')
  await expect(page.getByTestId('cart-count')).toHaveText('1')
  const pay = page.getByRole('button', { name: `Pay with ${customer.sourceNames[0]}` })
  await expect(pay).toBeEnabled()
  await pay.click()
  await expect(page.getByRole('heading', { name: 'Thank you for your order!' })).toBeVisible()
  await expect(page.getByTestId('order-total')).toHaveText('€14.50')
})
