import 'server-only'
import { cookies, headers } from 'next/headers'
import { cache } from 'react'
import type { CustomerTokens } from '@/lib/auth/customer-token'
import { currentCustomer } from '@/lib/auth/session'
import { CART_COOKIE, CART_COUNT_COOKIE, decodeCartCount, encodeCartCount } from '@/lib/cart-cookie'
import { getCart, type Cart } from '@/lib/commerce-layer/cart'
import { commerceLayerClient, type CommerceLayerClient } from '@/lib/commerce-layer/client'
import { isResourceId } from '@/lib/commerce-layer/schemas'
import { getSalesChannelToken } from '@/lib/commerce-layer/token'

/**
 * Who is shopping in this request, as far as Commerce Layer is concerned: the client that acts for them
 * and the cart cookie that points at their order. Server-only: tokens never leave this process.
 */

const SHOPPER_COOKIE_MAX_AGE = 60 * 60 * 24 * 30

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

export async function readCartId(): Promise<string | undefined> {
  const value = (await cookies()).get(CART_COOKIE)?.value
  return isResourceId(value) ? value : undefined
}

/** This browser's open cart, read once per request however many components ask. */
export const currentCart = cache(async (): Promise<Cart | null> => {
  const cartId = await readCartId()
  return cartId ? getCart(await shopperClient(), cartId) : null
})

/**
 * How many items the header shows: what the cart's last action recorded, so a page costs no Commerce Layer
 * request for it. Only a cart this browser got some other way (none of its actions has run yet) is read.
 */
export async function cartItemCount(): Promise<number> {
  const cartId = await readCartId()
  if (!cartId) return 0
  const recorded = decodeCartCount((await cookies()).get(CART_COUNT_COOKIE)?.value, cartId)
  if (recorded !== null) return recorded
  try {
    return (await currentCart())?.itemCount ?? 0
  } catch (error) {
    // The count is in every page's header: a store that cannot answer must not take the page down with it.
    console.error('The cart count could not be read:', error)
    return 0
  }
}

/** Only server actions and route handlers may write cookies. */
async function setShopperCookie(name: string, value: string): Promise<void> {
  const secure = (await headers()).get('x-forwarded-proto') === 'https'
  ;(await cookies()).set(name, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: SHOPPER_COOKIE_MAX_AGE,
  })
}

export async function writeCartId(orderId: string): Promise<void> {
  await setShopperCookie(CART_COOKIE, orderId)
}

/** Records the cart's item count after a cart action changed it (see cartItemCount). */
export async function writeCartItemCount(cartId: string, itemCount: number): Promise<void> {
  await setShopperCookie(CART_COUNT_COOKIE, encodeCartCount(cartId, itemCount))
}

export async function clearCartId(): Promise<void> {
  const store = await cookies()
  store.delete(CART_COOKIE)
  store.delete(CART_COUNT_COOKIE)
}

const PLACED_ORDERS_COOKIE = 'placed_orders'
const PLACED_ORDERS_KEPT = 5

/**
 * The orders this browser placed as a guest: knowing an order's id is what lets a guest see it, so the
 * confirmation page shows an order to the browser that placed it (or to its customer) and to no one else.
 */
export async function placedOrderIds(): Promise<string[]> {
  const value = (await cookies()).get(PLACED_ORDERS_COOKIE)?.value ?? ''
  return value.split('.').filter(isResourceId)
}

export async function rememberPlacedOrder(orderId: string): Promise<void> {
  const kept = [orderId, ...(await placedOrderIds()).filter((id) => id !== orderId)].slice(0, PLACED_ORDERS_KEPT)
  await setShopperCookie(PLACED_ORDERS_COOKIE, kept.join('.'))
}
