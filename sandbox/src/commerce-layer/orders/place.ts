import { nowIso, type ApiCall } from '../api'
import { orderById } from './rows'
import { invalid, relationshipPointer, validationError, type Invalid } from '../jsonapi/errors'
import { klarnaRefusal } from '../klarna-refusal'
import { saveOrderAddressesToBook } from './address-book'
import { availableShippingMethods } from './availability'
import { isBeingPlaced, PLACING_STALE_MS } from './editing'
import { gatewayCredentials, klarnaOrderData } from './klarna-order-data'
import type { KlarnaOrder } from '../klarna-adapter'
import type { Store } from '../store'
import type { KlarnaPaymentRow, LineItemRow, OrderRow, PaymentMethodRow, ShipmentRow } from './rows'

const statusProblem = (message: string, error: string) => validationError(invalid('status', message, error))

/** Refuses a `_place` on an order that is placed, or being placed by another request (422 on status). */
export function refuseSecondPlacement(call: ApiCall, order: OrderRow): void {
  if (order.status === 'placed')
    throw statusProblem('cannot transition from placed to placed: the order is already placed', 'already_placed')
  if (isBeingPlaced(call, order))
    throw statusProblem('cannot transition to placed: another request is placing the order', 'being_placed')
}

/** Everything that keeps an order from being placed, each named with its pointer. */
function placeProblems(call: ApiCall, order: OrderRow, payment: KlarnaPaymentRow | undefined): Invalid[] {
  const { store } = call.api
  const problems: Invalid[] = []
  const blank = (field: string, relationship = true) =>
    problems.push(invalid(field, "can't be blank", 'blank', relationship ? relationshipPointer(field) : undefined))
  const skuLines = store.all<LineItemRow>(
    "SELECT * FROM cl_line_items WHERE order_id = ? AND item_type = 'skus'",
    order.id,
  )
  if (skuLines.length === 0) blank('line_items')
  if (!order.customer_email) blank('customer_email', false)
  if (!order.billing_address_id) blank('billing_address')
  if (!order.shipping_address_id) blank('shipping_address')

  const shipment = store.get<ShipmentRow>('SELECT * FROM cl_shipments WHERE order_id = ?', order.id)
  if (shipment && !shipment.shipping_method_id) {
    problems.push(
      invalid('shipments', 'need a shipping method', 'no_shipping_method', relationshipPointer('shipments')),
    )
  } else if (shipment) {
    const available = availableShippingMethods(call.api, [order]).get(order.id) ?? []
    if (!available.some((method) => method.id === shipment.shipping_method_id)) {
      problems.push(
        invalid(
          'shipping_address',
          'is in a country this market does not ship to',
          'not_served',
          relationshipPointer('shipping_address'),
        ),
      )
    }
  }
  for (const line of skuLines) {
    const stock = store.get<{ quantity: number }>(
      'SELECT COALESCE(SUM(quantity), 0) AS quantity FROM cl_stock_items WHERE sku_id = ?',
      line.item_id,
    )
    if ((stock?.quantity ?? 0) < line.quantity) {
      problems.push(
        invalid(
          'quantity',
          `out of stock: ${line.sku_code} has ${stock?.quantity ?? 0} left`,
          'out_of_stock',
          relationshipPointer('line_items'),
        ),
      )
    }
  }

  const method = order.payment_method_id
    ? store.get<PaymentMethodRow>('SELECT * FROM cl_payment_methods WHERE id = ?', order.payment_method_id)
    : undefined
  if (!method) blank('payment_method')
  if (!payment) {
    blank('payment_source')
  } else {
    const pointer = relationshipPointer('payment_source')
    if (method && method.payment_source_type !== 'klarna_payments') {
      problems.push(
        invalid(
          'payment_source',
          `does not match the payment method (${method.payment_source_type})`,
          'mismatch',
          pointer,
        ),
      )
    }
    if (!payment.auth_token && !payment.klarna_customer_token) {
      problems.push(
        invalid(
          'payment_source',
          "is not authorized: send the Klarna authorization_token as the payment's auth_token",
          'not_authorized',
          pointer,
        ),
      )
    }
    if (payment.session_id && payment.session_amount_cents !== order.total_amount_cents) {
      problems.push(
        invalid(
          'payment_source',
          'has mismatched amounts: the order total changed after the Klarna session was opened; send _update and authorize again',
          'mismatched_amounts',
          pointer,
        ),
      )
    }
  }
  return problems
}

function moveStock(store: Store, orderId: string, direction: -1 | 1): void {
  const lines = store.all<LineItemRow>("SELECT * FROM cl_line_items WHERE order_id = ? AND item_type = 'skus'", orderId)
  for (const line of lines) {
    // One stock location: the sandbox's stock lives in the first stock item of each SKU.
    store.run(
      'UPDATE cl_stock_items SET quantity = quantity + ? WHERE id = (SELECT id FROM cl_stock_items WHERE sku_id = ? ORDER BY rowid LIMIT 1)',
      direction * line.quantity,
      line.item_id,
    )
  }
}

/**
 * `_place`: validates, then claims the order with a compare-and-set on `placing_started_at` and takes the stock,
 * in one transaction. Only the request that wins the claim talks to Klarna, so two `_place` at once make one
 * Klarna order; the other gets a 422. A customer-token charge carries the order id as Klarna-Idempotency-Key,
 * so a retry after a crash cannot charge twice. Klarna's refusal gives the stock and the claim back.
 */
export async function placeOrder(call: ApiCall, orderId: string): Promise<void> {
  const { store, clock, klarna } = call.api
  const claim = store.transaction(() => {
    const order = orderById(store, orderId)
    refuseSecondPlacement(call, order)
    const payment =
      order.payment_source_type === 'klarna_payments' && order.payment_source_id
        ? store.get<KlarnaPaymentRow>('SELECT * FROM cl_klarna_payments WHERE id = ?', order.payment_source_id)
        : undefined
    const problems = placeProblems(call, order, payment)
    if (problems.length > 0 || !payment) throw validationError(...problems)
    if (order.status !== 'pending')
      throw statusProblem(`cannot transition from ${order.status} to placed`, 'not_pending')
    const now = clock.now()
    const claimed = store.run(
      `UPDATE cl_orders SET placing_started_at = ? WHERE id = ? AND status = 'pending'
         AND (placing_started_at IS NULL OR placing_started_at < ?)`,
      now,
      orderId,
      now - PLACING_STALE_MS,
    )
    if (claimed.changes !== 1)
      throw statusProblem('cannot transition to placed: another request is placing the order', 'being_placed')
    moveStock(store, orderId, -1)
    return { order, payment, data: klarnaOrderData(store, order) }
  })

  const { order, payment, data } = claim
  const credentials = gatewayCredentials(store, payment.payment_gateway_id)
  let klarnaOrder: KlarnaOrder
  try {
    klarnaOrder = payment.klarna_customer_token
      ? await klarna.createCustomerTokenOrder(
          credentials,
          payment.klarna_customer_token,
          `commerce-layer-order-${order.id}`,
          {
            purchase_currency: data.purchase_currency,
            order_amount: data.order_amount,
            order_tax_amount: data.order_tax_amount,
            order_lines: data.order_lines,
            ...(data.shipping_address ? { shipping_address: data.shipping_address } : {}),
            merchant_reference1: order.number,
          },
        )
      : await klarna.createOrder(credentials, payment.auth_token as string, data)
  } catch (error) {
    store.transaction(() => {
      moveStock(store, orderId, 1)
      store.run('UPDATE cl_orders SET placing_started_at = NULL WHERE id = ?', orderId)
    })
    throw klarnaRefusal(error, 'payment_source', relationshipPointer('payment_source'))
  }

  store.transaction(() => {
    const now = nowIso(call.api)
    const details = {
      type: 'klarna_payment',
      klarna_id: klarnaOrder.order_id,
      payment_method_details: {
        fraud_status: klarnaOrder.fraud_status ?? 'ACCEPTED',
        authorized_payment_method: klarnaOrder.authorized_payment_method ?? null,
      },
    }
    store.run(
      `UPDATE cl_orders SET status = 'placed', payment_status = 'authorized', placed_at = ?, payment_updated_at = ?,
         payment_source_details = ?, placing_started_at = NULL, updated_at = ? WHERE id = ?`,
      now,
      now,
      JSON.stringify(details),
      now,
      orderId,
    )
    store.run(
      'UPDATE cl_klarna_payments SET klarna_order_id = ?, payment_instrument = ?, updated_at = ? WHERE id = ?',
      klarnaOrder.order_id,
      JSON.stringify({
        issuer_type: 'klarna',
        payment_method_type: klarnaOrder.authorized_payment_method?.type ?? null,
      }),
      now,
      payment.id,
    )
    store.run("UPDATE cl_shipments SET status = 'upcoming', updated_at = ? WHERE order_id = ?", now, orderId)
    saveOrderAddressesToBook(call, orderId)
  })
}
