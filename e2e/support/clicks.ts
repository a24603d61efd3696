import type { Page } from '@playwright/test'

/** Counts the shopper's clicks in this tab, across page loads (sessionStorage survives navigation). */
export async function countClicks(page: Page) {
  await page.addInitScript(() => {
    document.addEventListener(
      'click',
      (event) => {
        if (event.isTrusted) sessionStorage.setItem('clicks', String(Number(sessionStorage.getItem('clicks') ?? 0) + 1))
      },
      true,
    )
  })
  return {
    reset: () => page.evaluate(() => sessionStorage.setItem('clicks', '0')),
    read: () => page.evaluate(() => Number(sessionStorage.getItem('clicks') ?? 0)),
  }
}
