import { getCart } from '@/lib/commerce-layer/cart'
import { readCartId, shopperClient } from '@/lib/shopper'

/** The header's cart count, for swr. Only a number leaves the server: no ids, no tokens. */
export async function GET() {
  const cartId = await readCartId()
  if (!cartId) return Response.json({ itemCount: 0 })
  try {
    const cart = await getCart(await shopperClient(), cartId)
    return Response.json({ itemCount: cart?.itemCount ?? 0 }, { headers: { 'Cache-Control': 'no-store' } })
  } catch {
    return Response.json({ error: 'The store is unavailable right now, please try again.' }, { status: 503 })
  }
}
