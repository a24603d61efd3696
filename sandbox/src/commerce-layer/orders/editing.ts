import { nowIso, type ApiCall } from '../api'
import { errors, invalid, validationError } from '../jsonapi/errors'
import type { OrderRow } from './rows'

/**
 * A `_place` that has not finished within this time is taken to have died with its process; the order can be
 * placed (and edited) again. Far longer than a Klarna call may take (the adapter gives up after 10 s).
 */
export const PLACING_STALE_MS = 60_000

export const isBeingPlaced = (call: ApiCall, order: OrderRow) =>
  order.placing_started_at !== null && call.api.clock.now() - order.placing_started_at < PLACING_STALE_MS

/**
 * The order, ready for a change by this caller. A signed-in customer touching a guest order makes it theirs
 * (Commerce Layer attaches orders to the customer whose token changes them). Refused while a `_place` is under
 * way (423) and, unless `placed` is allowed, once the order is no longer a cart (422 on status).
 */
export function orderForChange(call: ApiCall, order: OrderRow, options: { placedToo?: boolean } = {}): OrderRow {
  if (isBeingPlaced(call, order)) throw errors.locked('The order is being placed; try again when that has finished.')
  const editable =
    order.status === 'draft' || order.status === 'pending' || (options.placedToo && order.status === 'placed')
  if (!editable)
    throw validationError(invalid('status', `cannot be changed: the order is ${order.status}`, 'not_editable'))
  const { customerId } = call.caller
  if (!customerId || order.customer_id !== null) return order
  const { store } = call.api
  const customer = store.get<{ email: string }>('SELECT email FROM cl_customers WHERE id = ?', customerId)
  store.run(
    'UPDATE cl_orders SET customer_id = ?, customer_email = ?, updated_at = ? WHERE id = ?',
    customerId,
    customer?.email ?? order.customer_email,
    nowIso(call.api),
    order.id,
  )
  return { ...order, customer_id: customerId, customer_email: customer?.email ?? order.customer_email }
}

/**
 * Drops the order's payment source, as Commerce Layer does when line items or the payment method change:
 * a Klarna session opened for the old cart must not pay for the new one. The payment record stays, detached.
 */
export function nullifyPaymentSource(call: ApiCall, orderId: string): void {
  call.api.store.run(
    'UPDATE cl_orders SET payment_source_type = NULL, payment_source_id = NULL, updated_at = ? WHERE id = ?',
    nowIso(call.api),
    orderId,
  )
}
