import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { CART_COOKIE } from '@/lib/cart-cookie'
import { signValue } from '@/lib/security/signed-value'
import { customerAccessToken } from './sandbox-api'
import {
  createCustomer,
  createCustomerWithSavedKlarna,
  createReadyCart,
  type CartLine,
  type Customer,
  type SavedKlarnaCustomer,
} from './seed'
import { uniqueEmail } from './shopper'

/**
 * Playwright fixtures that seed what a spec needs through the sandbox's Core API and its Klarna test door, so
 * the browser drives only the spec's own subject. Import `test` and `expect` from here instead of
 * '@playwright/test'; a test that names a fixture gets it, one that does not pays nothing.
 *
 * - `newCustomer`: a new customer (fresh email, password `demo1234`, empty wallet, no orders), already signed in
 *   in `page`. Gives `{ email, password }`.
 * - `savedKlarnaCustomer`: a new customer (fresh email, password `demo1234`) who bought with Klarna and saved
 *   that Klarna source to their wallet, already signed in in `page`. Gives `{ email, password, sourceName,
 *   klarnaCustomerToken }`. Seeded: no Klarna dialog, no checkout form. (The spec that tests saving after a
 *   purchase buys through Klarna's dialog itself and does not use this.)
 * - `readyCart(lines, { as? })`: puts in `page`'s browser a cart with these lines (`{ sku, quantity? }`), the
 *   contact email, an Italian address for billing and shipping, and Standard shipping, so /checkout opens on
 *   the payment step. A guest's cart (`email` to choose its contact email), or the signed-in customer's own
 *   (`as: newCustomer` or `as: savedKlarnaCustomer`). Resolves to the order id.
 *
 * Everything is seeded on the sandbox the run started (E2E_SANDBOX_URL), with fresh emails, so tests never
 * share a customer or a cart.
 */
type Fixtures = {
  newCustomer: Customer
  savedKlarnaCustomer: SavedKlarnaCustomer
  readyCart: (lines: CartLine[], options?: { as?: Customer; email?: string }) => Promise<string>
}

export const test = base.extend<Fixtures>({
  newCustomer: async ({ page }, provide) => {
    const customer = await createCustomer(uniqueEmail('new'))
    await signInThroughApi(page, customer.email, customer.password)
    await provide(customer)
  },

  savedKlarnaCustomer: async ({ page }, provide) => {
    const customer = await createCustomerWithSavedKlarna(uniqueEmail('saved'))
    await signInThroughApi(page, customer.email, customer.password)
    await provide(customer)
  },

  readyCart: async ({ page }, provide) => {
    await provide((lines, options) => putReadyCart(page, lines, options))
  },
})

export { expect }

/**
 * `readyCart` for any page (another shopper's, in a context of their own): seeds the cart through the API and
 * puts its cookie in that page's browser. Resolves to the order id.
 */
export async function putReadyCart(
  page: Page,
  lines: CartLine[],
  { as: customer, email }: { as?: Customer; email?: string } = {},
): Promise<string> {
  const customerToken = customer ? await customerAccessToken(customer.email, customer.password) : undefined
  const orderId = await createReadyCart(lines, {
    email: customer?.email ?? email ?? uniqueEmail('guest'),
    customerToken,
  })
  // The storefront's cart cookie holds the order id, signed with the session secret the servers share (the
  // same NEXTAUTH_SECRET, or the sandbox mode's generated one in .data/); with no recorded count beside it,
  // the header reads the cart.
  const url = process.env.E2E_STOREFRONT_URL ?? new URL(page.url()).origin
  await page.context().addCookies([{ name: CART_COOKIE, value: signValue('cart', orderId), url }])
  return orderId
}

/**
 * Another shopper, for specs about what one customer can do to another's data: a new customer (seeded through
 * the API, like `newCustomer`) signed in, in a browser context of their own. Close `context` when done.
 */
export async function otherSignedInCustomer(
  browser: Browser,
  prefix = 'other',
): Promise<{ context: BrowserContext; page: Page; customer: Customer }> {
  const customer = await createCustomer(uniqueEmail(prefix))
  const context = await browser.newContext({ baseURL: process.env.E2E_STOREFRONT_URL })
  const page = await context.newPage()
  await signInThroughApi(page, customer.email, customer.password)
  return { context, page, customer }
}

/**
 * Signs `page`'s browser in as next-auth's sign-in form does (its CSRF token, then the credentials callback),
 * without the form: `page.request` shares the browser's cookies, so the session cookie lands there.
 */
export async function signInThroughApi(page: Page, email: string, password: string): Promise<void> {
  const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string }
  const answer = await page.request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password, json: 'true' },
  })
  const session = (await (await page.request.get('/api/auth/session')).json()) as { user?: { email?: string } }
  if (session.user?.email !== email) throw new Error(`signing ${email} in: ${answer.status()} ${await answer.text()}`)
}
