import 'server-only'
import type { CommerceLayerClient } from '@/lib/commerce-layer/client'
import { isPlacedStatus, readOrderStatus } from '@/lib/commerce-layer/orders'
import { clearCartId, rememberPlacedOrder } from '@/lib/shopper'

/**
 * How both ways to pay (Klarna's widget, a saved source) end once the order is placed, and how they tell that
 * an order is placed when Commerce Layer refused a `_place`: by reading its status back, which Commerce Layer
 * documents, rather than by the wording of its refusal, which it does not.
 */

/** The cart's order is placed: this browser may show its confirmation, and the cart is done. */
export async function finishPlacedOrder(orderId: string): Promise<void> {
  await rememberPlacedOrder(orderId)
  await clearCartId()
}

/**
 * Reads the order back once. Placed (by an earlier click of this shopper, or a `_place` whose answer was lost),
 * it is finished as that click finished it and the answer is true; otherwise nothing changes.
 */
export async function finishIfPlaced(client: CommerceLayerClient, orderId: string): Promise<boolean> {
  if (!isPlacedStatus(await readOrderStatus(client, orderId))) return false
  await finishPlacedOrder(orderId)
  return true
}
