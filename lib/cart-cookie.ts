/**
 * The cookies behind a browser's cart: `cart` holds the Commerce Layer order id, `cart_count` how many items
 * it holds, written by the cart's own actions, so that the header shows the count without asking Commerce
 * Layer on every page. The count names its cart (`<order id>.<count>`): a count left from another cart is
 * never shown for this one.
 */

export const CART_COOKIE = 'cart'
export const CART_COUNT_COOKIE = 'cart_count'

export function encodeCartCount(cartId: string, itemCount: number): string {
  return `${cartId}.${Math.max(0, Math.trunc(itemCount))}`
}

/** The count recorded for this cart, or null when none was (or it was another cart's). */
export function decodeCartCount(value: string | undefined, cartId: string): number | null {
  const [id, count = ''] = value?.split('.') ?? []
  return id === cartId && /^\d{1,4}$/.test(count) ? Number(count) : null
}
