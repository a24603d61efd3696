import { orderChild } from '../access'
import { nowIso, type ApiCall } from '../api'
import { errors, invalid, relationshipPointer, validationError } from '../jsonapi/errors'
import { belongsTo, computedMany, hasMany, rowsById } from '../jsonapi/relationships'
import { attr, commonAttributes, money } from '../jsonapi/resource'
import { availableShippingMethods } from '../orders/availability'
import { orderForChange } from '../orders/editing'
import { recalculateOrder } from '../orders/recalculate'
import { idList } from '../store'
import { shipmentStockLocation } from './fulfilment'
import { commonWrites, writeCommonFields } from './writes'
import { orderById } from '../orders/rows'
import type { RelationshipDef, ResourceDef, Row } from '../api'
import type { OrderRow } from '../orders/rows'

/** The orders of some shipments, by shipment id. */
function ordersOf(call: ApiCall, shipments: readonly Row[]): Map<string, OrderRow> {
  const orders = rowsById(
    call,
    'orders',
    shipments.map((shipment) => shipment.order_id as string),
  ) as Map<string, OrderRow>
  const byShipment = new Map<string, OrderRow>()
  for (const shipment of shipments) {
    const order = orders.get(shipment.order_id as string)
    if (order) byShipment.set(shipment.id, order)
  }
  return byShipment
}

/** The order's shipping address, which is the shipment's. */
const shippingAddress: RelationshipDef = {
  many: false,
  types: ['addresses'],
  load(call, shipments) {
    const orders = ordersOf(call, shipments)
    const addressIds = [...orders.values()]
      .map((order) => order.shipping_address_id)
      .filter((id): id is string => id !== null)
    const addresses = rowsById(call, 'addresses', addressIds)
    return new Map(
      shipments.map((shipment) => {
        const row = addresses.get(orders.get(shipment.id)?.shipping_address_id ?? '')
        return [shipment.id, row ? { type: 'addresses', row } : null]
      }),
    )
  },
}

export const shipments: ResourceDef = {
  type: 'shipments',
  table: 'cl_shipments_with_counts',
  attributes: {
    number: attr.string('number', { filter: true, sort: true }),
    status: attr.string('status', { filter: true, sort: true }),
    currency_code: attr.string('currency_code'),
    ...money('cost_amount'),
    skus_count: attr.integer('skus_count'),
    selected_rate_id: attr.fixed(null),
    rates: attr.fixed([], 'array'),
    purchase_error_code: attr.fixed(null),
    purchase_error_message: attr.fixed(null),
    get_rates_errors: attr.fixed([], 'array'),
    ...commonAttributes(),
  },
  relationships: {
    order: belongsTo('orders', 'order_id'),
    shipping_address: shippingAddress,
    shipping_method: belongsTo('shipping_methods', 'shipping_method_id'),
    available_shipping_methods: computedMany('shipping_methods', (call, rows) => {
      const orders = ordersOf(call, rows)
      const available = availableShippingMethods(call.api, [...orders.values()])
      return new Map(rows.map((shipment) => [shipment.id, available.get(orders.get(shipment.id)?.id ?? '') ?? []]))
    }),
    line_items: computedMany('line_items', (call, rows) => {
      const lines = call.api.store.all<Row>(
        "SELECT * FROM cl_line_items WHERE order_id IN (SELECT value FROM json_each(?)) AND item_type = 'skus' ORDER BY rowid",
        idList(rows.map((shipment) => shipment.order_id as string)),
      )
      return new Map(rows.map((shipment) => [shipment.id, lines.filter((line) => line.order_id === shipment.order_id)]))
    }),
    stock_location: shipmentStockLocation,
    stock_line_items: hasMany('stock_line_items', 'shipment_id'),
    stock_transfers: hasMany('stock_transfers', 'shipment_id'),
  },
  ...orderChild(),
  writes: {
    attributes: { ...commonWrites },
    relationships: { shipping_method: { types: ['shipping_methods'], update: true } },
  },
  update(call, row, input) {
    const { store } = call.api
    return store.transaction(() => {
      const order = orderForChange(call, orderById(store, String(row.order_id)))
      if ('shipping_method' in input.relationships) {
        const reference = input.relationships.shipping_method as { id: string } | null
        const pointer = relationshipPointer('shipping_method')
        if (reference) {
          const method = store.get<Row>('SELECT * FROM cl_shipping_methods WHERE id = ?', reference.id)
          if (!method) throw errors.recordNotFound(reference.id, pointer)
          const available = availableShippingMethods(call.api, [order]).get(order.id) ?? []
          if (!available.some((candidate) => candidate.id === method.id)) {
            throw validationError(
              invalid(
                'shipping_method',
                'is not available for this shipment (see available_shipping_methods)',
                'not_available',
                pointer,
              ),
            )
          }
        }
        store.run(
          'UPDATE cl_shipments SET shipping_method_id = ?, updated_at = ? WHERE id = ?',
          reference?.id ?? null,
          nowIso(call.api),
          row.id,
        )
      }
      writeCommonFields(call, 'cl_shipments', row.id, input.attributes)
      // A new shipping cost changes the total; the Klarna payment then reports mismatched_amounts.
      recalculateOrder(call.api.store, nowIso(call.api), order.id)
      return store.get<Row>('SELECT * FROM cl_shipments_with_counts WHERE id = ?', row.id) as Row
    })
  },
}
