import { findOrder } from './orders/rows'
import type { ApiCall } from './api'
import type { ListScope, ResourceDef, Row } from './api'

/**
 * Who may see what, per "Who may do what" in the reference: the catalogue is open to every token of the market;
 * an order is reached by its id (guests) or by its owner (customers); a customer's own records only by that customer.
 * What a caller may not see answers 404, the same as what does not exist.
 */

type Access = Pick<ResourceDef, 'listScope' | 'canRead'>

/** Catalogue records of the caller's market, or of no market in particular. */
export const marketCatalogue = (column = 'market_id', extra = ''): Access => ({
  listScope: (call) => ({
    where: `(${column} = ? OR ${column} IS NULL) AND disabled_at IS NULL${extra ? ` AND ${extra}` : ''}`,
    params: [call.caller.marketId],
  }),
  canRead: (call, row) => (row[column] === null || row[column] === call.caller.marketId) && row.disabled_at === null,
})

/** Catalogue records with no market of their own (skus, stock items). */
export const openCatalogue = (): Access => ({
  listScope: () => ({ where: '1 = 1', params: [] }),
  canRead: () => true,
})

export type OrderAccessRow = { customer_id: string | null; market_id: string; status: string }

/** Guests reach guest orders by id while they are draft, pending or placed; a customer only its own (and guest ones). */
export function canSeeOrder(call: ApiCall, order: OrderAccessRow): boolean {
  if (order.market_id !== call.caller.marketId) return false
  if (order.customer_id !== null) return order.customer_id === call.caller.customerId
  return order.status === 'draft' || order.status === 'pending' || order.status === 'placed'
}

/** Only a customer lists orders (its own); a guest token may not list them at all. */
export function customerOrdersScope(call: ApiCall, orderIdColumn?: string): ListScope | 'unauthorized' {
  const { customerId, marketId } = call.caller
  if (!customerId) return 'unauthorized'
  if (!orderIdColumn) return { where: 'customer_id = ? AND market_id = ?', params: [customerId, marketId] }
  return {
    where: `${orderIdColumn} IN (SELECT id FROM cl_orders WHERE customer_id = ? AND market_id = ?)`,
    params: [customerId, marketId],
  }
}

/** Access for a record that belongs to an order (line items, shipments, payments): whoever sees the order. */
export const orderChild = (orderIdColumn = 'order_id'): Access => ({
  listScope: (call) => customerOrdersScope(call, orderIdColumn),
  canRead: (call, row) => {
    const order = orderOf(call, row, orderIdColumn)
    return order !== undefined && canSeeOrder(call, order)
  },
})

export function orderOf(call: ApiCall, row: Row, orderIdColumn = 'order_id'): (OrderAccessRow & Row) | undefined {
  return findOrder(call.api.store, String(row[orderIdColumn]))
}

/** Records of one customer (address book, wallet): listed and read by that customer only; guests are refused. */
export const customerOwned = (column = 'customer_id'): Access => ({
  listScope: (call) =>
    call.caller.customerId ? { where: `${column} = ?`, params: [call.caller.customerId] } : 'unauthorized',
  canRead: (call, row) => (call.caller.customerId ? row[column] === call.caller.customerId : 'unauthorized'),
})
