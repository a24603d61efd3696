import 'server-only'
import type { OrderDetails } from '@/lib/commerce-layer/orders'

/**
 * The order a `_place` just answered, handed over to the confirmation page that shows it next, so that page costs
 * no Commerce Layer read of its own: one request fewer per purchase from the storefront's per-IP rate limit, and
 * one round trip fewer before the shopper sees the confirmation.
 *
 * A server action's redirect is rendered by this same process (Next.js fetches the confirmation from its own
 * origin and streams it back in the action's answer), so an in-memory handover meets it. Anything else (another
 * instance behind a load balancer, a reload later) finds nothing and reads the order, as it always could. The
 * page still decides who may see the order (lib/commerce-layer/orders.ts, isOrderVisibleTo): a handover is the
 * order's data, never a permission.
 */

/** Long enough for the redirect's own render, short enough that nothing stale is ever shown. */
const HANDOVER_MS = 15_000
/** A bound on memory, whatever the traffic: the oldest handover goes first. */
const MAX_HANDOVERS = 500

const handovers = new Map<string, { order: OrderDetails; until: number }>()

export function handOverToConfirmation(order: OrderDetails): void {
  const now = Date.now()
  for (const [id, entry] of handovers) if (entry.until <= now) handovers.delete(id)
  while (handovers.size >= MAX_HANDOVERS) handovers.delete(handovers.keys().next().value!)
  handovers.set(order.id, { order, until: now + HANDOVER_MS })
}

/** The handed-over order, once: the first render that asks takes it. */
export function takeHandedOverOrder(orderId: string): OrderDetails | null {
  const entry = handovers.get(orderId)
  handovers.delete(orderId)
  return entry && entry.until > Date.now() ? entry.order : null
}
