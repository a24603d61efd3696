import { expect, test } from '@playwright/test'
import { signInThroughApi } from './support/fixtures'
import { seedCustomer } from './support/seed'
import { addToCart } from './support/shopper'

test.describe('the default saved source', () => {
  test('chosen on the wallet page, used first by checkout and Buy now; removing it makes the next the default', async ({
    page,
  }) => {
    const customer = await seedCustomer('twosources', { sources: 2 })
    const [older, newer] = customer.sourceNames as [string, string]
    await signInThroughApi(page, customer.email, customer.password)

    await page.goto('/account/wallet')
    const row = (name: string) => page.getByTestId('wallet-entry').filter({ hasText: name })
    // Nothing chosen yet: the newest saved is the default.
    await expect(row(newer).getByTestId('default-badge')).toHaveText('Default')
    await expect(row(older).getByTestId('default-badge')).toHaveCount(0)

    await row(older)
      .getByRole('button', { name: `Make ${older} your default` })
      .click()
    await expect(page.getByRole('status').filter({ hasText: `${older} is now your default.` })).toBeVisible()
    await expect(row(older).getByTestId('default-badge')).toHaveText('Default')
    await expect(row(newer).getByRole('button', { name: `Make ${newer} your default` })).toBeVisible()

    await page.goto('/products/CANDLE-FIG-200')
    await expect(page.getByRole('button', { name: /^Buy now · / })).toContainText(older)

    await addToCart(page, 'CANDLE-FIG-200')
    await page.goto('/checkout')
    await expect(page.getByRole('button', { name: /^Pay with Klarna · / }).first()).toContainText(older)

    await page.goto('/account/wallet')
    await row(older)
      .getByRole('button', { name: `Remove ${older}` })
      .click()
    await row(older).getByRole('button', { name: 'Yes, remove' }).click()
    await expect(
      page.getByRole('status').filter({ hasText: `Removed ${older} from your wallet. ${newer} is now your default.` }),
    ).toBeVisible()
    await expect(row(newer).getByTestId('default-badge')).toHaveText('Default')

    await page.goto('/products/CANDLE-FIG-200')
    await expect(page.getByRole('button', { name: /^Buy now · / })).toContainText(newer)
  })
})
