import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/**
 * axe finds nothing serious or critical on the page as it now is. It waits first for the page's title: after a
 * client-side navigation Next.js puts the new page's <title> in a moment after its content, and a page is judged
 * once it is all there (a page that never gets a title still fails, here).
 * `exclude`: selectors of what is not the shop's to answer for (Klarna's own frames).
 */
export async function expectNoSeriousAccessibilityViolations(page: Page, { exclude = [] as string[] } = {}) {
  await expect(page).toHaveTitle(/\S/)
  let axe = new AxeBuilder({ page })
  for (const selector of exclude) axe = axe.exclude(selector)
  const { violations } = await axe.analyze()
  const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
  expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([])
}
