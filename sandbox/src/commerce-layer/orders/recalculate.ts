import { findOrder } from './rows'
import { newResourceId } from '../../ids'
import { includedTax } from '../money'
import type { Store } from '../store'
import type { LineItemRow, OrderRow, PaymentMethodRow, ShipmentRow, ShippingMethodRow } from './rows'

/**
 * Brings an order's derived state up to date after any change, in the caller's transaction:
 * - one shipment while the order has SKU line items (created with the first, removed with the last);
 * - a line item for the shipment's cost and one for the payment method's price, as Commerce Layer adds them;
 * - the order's country (from its addresses), every line's tax (prices include VAT: tax = total − round(total × 10000 / (10000 + rate)), Klarna's rounding),
 *   the money totals and `skus_count`;
 * - `draft` → `pending` once the order has an email and line items;
 * - the Klarna payment's `mismatched_amounts`, when the total no longer matches its session.
 */
export function recalculateOrder(store: Store, now: string, orderId: string): void {
  const order = findOrder(store, orderId)
  if (!order) return
  const skuLines = store.all<LineItemRow>(
    "SELECT * FROM cl_line_items WHERE order_id = ? AND item_type = 'skus'",
    orderId,
  )

  for (const line of skuLines) {
    const total = line.unit_amount_cents * line.quantity
    const tax = includedTax(total, order.tax_rate)
    if (total !== line.total_amount_cents || tax !== line.tax_amount_cents || line.tax_rate !== order.tax_rate) {
      store.run(
        'UPDATE cl_line_items SET total_amount_cents = ?, tax_amount_cents = ?, tax_rate = ?, updated_at = ? WHERE id = ?',
        total,
        tax,
        order.tax_rate,
        now,
        line.id,
      )
      Object.assign(line, { total_amount_cents: total, tax_amount_cents: tax })
    }
  }
  const subtotal = sum(skuLines.map((line) => line.total_amount_cents))
  const subtotalTax = sum(skuLines.map((line) => line.tax_amount_cents))

  const shipment = syncShipment(store, order, skuLines.length > 0, subtotal, now)
  const shippingMethod = shipment?.shipping_method_id
    ? store.get<ShippingMethodRow>('SELECT * FROM cl_shipping_methods WHERE id = ?', shipment.shipping_method_id)
    : undefined
  const shipping = shippingMethod && shipment ? shipment.cost_amount_cents : 0
  const shippingTax = syncSystemLine(
    store,
    order,
    'shipments',
    shippingMethod && shipment ? { id: shipment.id, name: shippingMethod.name, cents: shipping } : undefined,
    now,
  )

  const paymentMethod = order.payment_method_id
    ? store.get<PaymentMethodRow>('SELECT * FROM cl_payment_methods WHERE id = ?', order.payment_method_id)
    : undefined
  const paymentCents = paymentMethod?.price_amount_cents ?? 0
  const paymentTax = syncSystemLine(
    store,
    order,
    'payment_methods',
    paymentMethod ? { id: paymentMethod.id, name: paymentMethod.name, cents: paymentCents } : undefined,
    now,
  )

  const total = subtotal + shipping + paymentCents
  const status = order.status === 'draft' && order.customer_email && skuLines.length > 0 ? 'pending' : order.status
  // The order's country follows its shipping address, or its billing address while it has none.
  const country = store.get<{ country_code: string }>(
    'SELECT country_code FROM cl_addresses WHERE id = ?',
    order.shipping_address_id ?? order.billing_address_id,
  )
  store.run(
    `UPDATE cl_orders SET status = ?, country_code = ?, subtotal_amount_cents = ?, subtotal_tax_amount_cents = ?, shipping_amount_cents = ?,
       shipping_tax_amount_cents = ?, payment_method_amount_cents = ?, payment_method_tax_amount_cents = ?,
       total_tax_amount_cents = ?, total_amount_cents = ?, skus_count = ?, updated_at = ? WHERE id = ?`,
    status,
    country?.country_code ?? null,
    subtotal,
    subtotalTax,
    shipping,
    shippingTax,
    paymentCents,
    paymentTax,
    subtotalTax + shippingTax + paymentTax,
    total,
    sum(skuLines.map((line) => line.quantity)),
    now,
    orderId,
  )
  if (order.payment_source_type === 'klarna_payments' && order.payment_source_id) {
    store.run(
      `UPDATE cl_klarna_payments SET mismatched_amounts = (session_amount_cents IS NOT NULL AND session_amount_cents != ?)
        WHERE id = ?`,
      total,
      order.payment_source_id,
    )
  }
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)

/** The order's one shipment: made with the first SKU line, removed with the last, its cost from its shipping method. */
function syncShipment(
  store: Store,
  order: OrderRow,
  wanted: boolean,
  subtotal: number,
  now: string,
): ShipmentRow | undefined {
  const shipment = store.get<ShipmentRow>('SELECT * FROM cl_shipments WHERE order_id = ?', order.id)
  if (!wanted) {
    if (shipment) store.run('DELETE FROM cl_shipments WHERE id = ?', shipment.id)
    return undefined
  }
  if (!shipment) {
    const id = newResourceId()
    store.run(
      `INSERT INTO cl_shipments (id, order_id, number, status, currency_code, created_at, updated_at)
       VALUES (?, ?, ?, 'draft', ?, ?, ?)`,
      id,
      order.id,
      `${order.number}/S/001`,
      order.currency_code,
      now,
      now,
    )
    return store.get<ShipmentRow>('SELECT * FROM cl_shipments WHERE id = ?', id)
  }
  const method = shipment.shipping_method_id
    ? store.get<ShippingMethodRow>('SELECT * FROM cl_shipping_methods WHERE id = ?', shipment.shipping_method_id)
    : undefined
  const cost = !method
    ? 0
    : method.free_over_amount_cents !== null && subtotal >= method.free_over_amount_cents
      ? 0
      : method.price_amount_cents
  if (cost !== shipment.cost_amount_cents) {
    store.run('UPDATE cl_shipments SET cost_amount_cents = ?, updated_at = ? WHERE id = ?', cost, now, shipment.id)
    shipment.cost_amount_cents = cost
  }
  return shipment
}

/** The line item Commerce Layer keeps for the shipment or the payment method; returns its tax. */
function syncSystemLine(
  store: Store,
  order: OrderRow,
  itemType: 'shipments' | 'payment_methods',
  item: { id: string; name: string; cents: number } | undefined,
  now: string,
): number {
  const line = store.get<LineItemRow>(
    'SELECT * FROM cl_line_items WHERE order_id = ? AND item_type = ?',
    order.id,
    itemType,
  )
  if (!item) {
    if (line) store.run('DELETE FROM cl_line_items WHERE id = ?', line.id)
    return 0
  }
  const tax = includedTax(item.cents, order.tax_rate)
  if (!line) {
    store.run(
      `INSERT INTO cl_line_items (id, order_id, item_type, item_id, name, quantity, currency_code, unit_amount_cents,
         total_amount_cents, tax_amount_cents, tax_rate, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`,
      newResourceId(),
      order.id,
      itemType,
      item.id,
      item.name,
      order.currency_code,
      item.cents,
      item.cents,
      tax,
      order.tax_rate,
      now,
      now,
    )
  } else if (
    line.item_id !== item.id ||
    line.total_amount_cents !== item.cents ||
    line.name !== item.name ||
    line.tax_amount_cents !== tax
  ) {
    store.run(
      `UPDATE cl_line_items SET item_id = ?, name = ?, unit_amount_cents = ?, total_amount_cents = ?, tax_amount_cents = ?,
         updated_at = ? WHERE id = ?`,
      item.id,
      item.name,
      item.cents,
      item.cents,
      tax,
      now,
      line.id,
    )
  }
  return tax
}
