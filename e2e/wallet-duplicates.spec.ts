import { expect, test } from './support/fixtures'
import { copySavedSource, walletTokensOf } from './support/sandbox-api'
import { addToCart, DEMO_PASSWORD } from './support/shopper'

test('two saved sources for one Klarna token are one entry, at checkout and in the wallet; removing it removes both', async ({
  page,
  savedKlarnaCustomer,
}) => {
  const { email, sourceName } = savedKlarnaCustomer
  const [saved] = await walletTokensOf(email, DEMO_PASSWORD)
  await copySavedSource(saved!.id)
  const held = await walletTokensOf(email, DEMO_PASSWORD)
  expect(held.map((source) => source.token)).toEqual([saved!.token, saved!.token])

  await page.goto('/account/wallet')
  await expect(page.getByRole('button', { name: `Remove ${sourceName}` })).toHaveCount(1)

  await addToCart(page, 'MUG-STONE-350')
  await page.goto('/checkout')
  await expect(page.getByRole('button', { name: /^Pay with Klarna · / })).toHaveCount(1)

  await page.goto('/account/wallet')
  await page.getByRole('button', { name: `Remove ${sourceName}` }).click()
  await page.getByRole('button', { name: 'Yes, remove' }).click()
  await expect(page.getByText('Your wallet is empty.')).toBeVisible()
  expect(await walletTokensOf(email, DEMO_PASSWORD)).toEqual([])
})
