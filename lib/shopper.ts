import 'server-only'
import { cookies, headers } from 'next/headers'
import type { CustomerTokens } from '@/lib/auth/customer-token'
import { currentCustomer } from '@/lib/auth/session'
import { commerceLayerClient, type CommerceLayerClient } from '@/lib/commerce-layer/client'
import { getSalesChannelToken } from '@/lib/commerce-layer/token'

/**
 * Who is shopping in this request, as far as Commerce Layer is concerned: the client that acts for them
 * and the cart cookie that points at their order. Server-only: tokens never leave this process.
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

export async function readCartId(): Promise<string | undefined> {
  const value = (await cookies()).get(CART_COOKIE)?.value
  // Commerce Layer ids are short alphanumeric strings; anything else is not ours to send on.
  return value && /^[A-Za-z0-9]{1,64}$/.test(value) ? value : undefined
}

/** Only server actions and route handlers may write cookies. */
export async function writeCartId(orderId: string): Promise<void> {
  const secure = (await headers()).get('x-forwarded-proto') === 'https'
  ;(await cookies()).set(CART_COOKIE, orderId, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: CART_COOKIE_MAX_AGE,
  })
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
  const value = (await cookies()).get(PLACED_ORDERS_COOKIE)?.value ?? ''
  return value.split('.').filter((id) => /^[A-Za-z0-9]{1,64}$/.test(id))
}

/** Only server actions and route handlers may write cookies. */
export async function rememberPlacedOrder(orderId: string): Promise<void> {
  const kept = [orderId, ...(await placedOrderIds()).filter((id) => id !== orderId)].slice(0, PLACED_ORDERS_KEPT)
  const secure = (await headers()).get('x-forwarded-proto') === 'https'
  ;(await cookies()).set(PLACED_ORDERS_COOKIE, kept.join('.'), {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: CART_COOKIE_MAX_AGE,
  })
}
