import { expect, test } from '@playwright/test'
import { otherSignedInCustomer } from './support/fixtures'
import { walletOf } from './support/sandbox-api'
import { captureServerAction, replayServerAction } from './support/server-actions'
import { DEMO_PASSWORD, RETURNING_EMAIL, signIn } from './support/shopper'

// These tests remove returning@example.com's seeded Klarna source, so they run after every other spec.
test.describe('removing a saved Klarna source', () => {
  test("another customer, or nobody, can't remove it by calling the server action directly", async ({
    page,
    browser,
    playwright,
  }) => {
    const [entry] = await walletOf(RETURNING_EMAIL, DEMO_PASSWORD)
    expect(entry).toBeDefined()

    // The owner starts a removal; the request is caught before it reaches the server.
    await signIn(page, RETURNING_EMAIL)
    await page.goto('/account/wallet')
    await page.getByRole('button', { name: `Remove ${entry!.name}` }).click()
    const action = await captureServerAction(page, () => page.getByRole('button', { name: 'Yes, remove' }).click())

    // Sent by another signed-in customer…
    const { context: nosyContext, page: nosy } = await otherSignedInCustomer(browser, 'nosy')
    const asOther = await replayServerAction(nosy.request, action)
    expect(asOther.text).toContain('That saved payment method is not in your wallet.')
    await nosyContext.close()

    // …and by nobody at all.
    const anonymous = await playwright.request.newContext()
    const asNobody = await replayServerAction(anonymous, action)
    expect(asNobody.text).toContain('Please sign in to change your wallet.')
    await anonymous.dispose()

    expect((await walletOf(RETURNING_EMAIL, DEMO_PASSWORD)).map((saved) => saved.id)).toContain(entry!.id)
  })

  test('the returning customer sees the saved source and removes it', async ({ page }) => {
    const [entry] = await walletOf(RETURNING_EMAIL, DEMO_PASSWORD)
    await signIn(page, RETURNING_EMAIL)
    await page.goto('/account/wallet')
    const row = page.getByTestId('wallet-entry').filter({ hasText: entry!.name })
    await expect(row).toContainText('Saved ')
    await row.getByRole('button', { name: `Remove ${entry!.name}` }).click()
    await row.getByRole('button', { name: 'Keep it' }).click()
    await expect(row).toBeVisible()

    await row.getByRole('button', { name: `Remove ${entry!.name}` }).click()
    await row.getByRole('button', { name: 'Yes, remove' }).click()
    await expect(page.getByRole('status').filter({ hasText: `Removed ${entry!.name} from your wallet.` })).toBeVisible()
    await expect(page.getByTestId('wallet-entry').filter({ hasText: entry!.name })).toHaveCount(0)
    expect((await walletOf(RETURNING_EMAIL, DEMO_PASSWORD)).map((saved) => saved.id)).not.toContain(entry!.id)
  })
})
