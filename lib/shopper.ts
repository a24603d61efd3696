import 'server-only'
import { cookies } from 'next/headers'
import type { CustomerTokens } from '@/lib/auth/customer-token'
import { currentCustomer } from '@/lib/auth/session'
import { usesSecureCookies } from '@/lib/auth/session-cookie'
import { commerceLayerClient, type CommerceLayerClient } from '@/lib/commerce-layer/client'
import { getSalesChannelToken } from '@/lib/commerce-layer/token'
import { signValue, verifySignedValue } from '@/lib/security/signed-value'

/**
 * Who is shopping in this request, as far as Commerce Layer is concerned: the client that acts for them
 * and the cart cookie that points at their order. Server-only: tokens never leave this process.
 *
 * A guest's order id is all Commerce Layer asks of a guest token, so the cookies that hold order ids are signed
 * (lib/security/signed-value): an id copied from a confirmation URL, a log or another browser and typed into a
 * cookie is no cart and no placed order here.
 */

const CART_COOKIE = 'cart'
const CART_COOKIE_MAX_AGE = 60 * 60 * 24 * 30

export type Shopper = {
  /** Holds the customer's token when signed in, else the sales channel's guest token. */
  client: CommerceLayerClient
  customer: CustomerTokens | null
}

export async function currentShopper(): Promise<Shopper> {
  const customer = await currentCustomer()
  const token = customer?.accessToken ?? (await getSalesChannelToken())
  return { client: commerceLayerClient(token), customer }
}

/** A Commerce Layer client holding the token that acts for the current shopper. */
export async function shopperClient(): Promise<CommerceLayerClient> {
  return (await currentShopper()).client
}

const ORDER_ID = /^[A-Za-z0-9]{1,64}$/

/** httpOnly, and `Secure` whenever the shop is served over https (NEXTAUTH_URL), whatever a proxy forwards. */
const orderCookieOptions = () => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: usesSecureCookies(),
  path: '/',
  maxAge: CART_COOKIE_MAX_AGE,
})

export async function readCartId(): Promise<string | undefined> {
  const value = verifySignedValue('cart', (await cookies()).get(CART_COOKIE)?.value)
  // Commerce Layer ids are short alphanumeric strings; anything else is not ours to send on.
  return value && ORDER_ID.test(value) ? value : undefined
}

/** Only server actions and route handlers may write cookies. */
export async function writeCartId(orderId: string): Promise<void> {
  ;(await cookies()).set(CART_COOKIE, signValue('cart', orderId), orderCookieOptions())
}

export async function clearCartId(): Promise<void> {
  ;(await cookies()).delete(CART_COOKIE)
}

const PLACED_ORDERS_COOKIE = 'placed_orders'
const PLACED_ORDERS_KEPT = 5

/**
 * The orders this browser placed as a guest: knowing an order's id is what lets a guest see it, so the
 * confirmation page shows an order to the browser that placed it (or to its customer) and to no one else.
 */
export async function placedOrderIds(): Promise<string[]> {
  const value = verifySignedValue('placed-orders', (await cookies()).get(PLACED_ORDERS_COOKIE)?.value) ?? ''
  return value.split('.').filter((id) => ORDER_ID.test(id))
}

/** Only server actions and route handlers may write cookies. */
export async function rememberPlacedOrder(orderId: string): Promise<void> {
  const kept = [orderId, ...(await placedOrderIds()).filter((id) => id !== orderId)].slice(0, PLACED_ORDERS_KEPT)
  ;(await cookies()).set(PLACED_ORDERS_COOKIE, signValue('placed-orders', kept.join('.')), orderCookieOptions())
}
