import type { Store } from './store'

/**
 * The bodies of the webhooks the sandbox fires, shaped as Commerce Layer's: the resource as JSON:API, with the
 * includes a webhook would be configured with (an order's `line_items`).
 */

type LineRow = { id: string; item_type: string; sku_code: string | null; quantity: number }

export function placedOrderPayload(store: Store, orderId: string) {
  const order = store.get<{ id: string; number: string | number; status: string }>(
    'SELECT id, number, status FROM cl_orders WHERE id = ?',
    orderId,
  )
  const lines = store.all<LineRow>(
    'SELECT id, item_type, sku_code, quantity FROM cl_line_items WHERE order_id = ? ORDER BY rowid',
    orderId,
  )
  return {
    data: {
      id: orderId,
      type: 'orders',
      attributes: { number: String(order?.number ?? ''), status: order?.status ?? 'placed' },
      relationships: { line_items: { data: lines.map((line) => ({ type: 'line_items', id: line.id })) } },
    },
    included: lines.map((line) => ({
      id: line.id,
      type: 'line_items',
      attributes: { item_type: line.item_type, sku_code: line.sku_code, quantity: line.quantity },
    })),
  }
}

export function priceIsNowPayload(price: {
  id: string
  sku_code: string
  currency_code: string
  amount_cents: number
}) {
  const { id, ...attributes } = price
  return { data: { id, type: 'prices', attributes } }
}

export function stockIsNowPayload(item: { id: string; sku_code: string; quantity: number }) {
  const { id, ...attributes } = item
  return { data: { id, type: 'stock_items', attributes } }
}
