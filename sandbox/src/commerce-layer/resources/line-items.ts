import { z } from 'zod'
import { newResourceId } from '../../ids'
import { canSeeOrder, orderChild } from '../access'
import { nowIso, type ApiCall } from '../api'
import { commonWrites, trigger, writeCommonFields } from './writes'
import { errors, invalid, relationshipPointer, validationError } from '../jsonapi/errors'
import { belongsTo, hasMany, polymorphic } from '../jsonapi/relationships'
import { attr, commonAttributes, money } from '../jsonapi/resource'
import { nullifyPaymentSource, orderForChange } from '../orders/editing'
import { recalculateOrder } from '../orders/recalculate'
import { findOrder, orderById } from '../orders/rows'
import type { ResourceDef, Row } from '../api'
import type { LineItemRow, OrderRow } from '../orders/rows'

type SkuRow = Row & { code: string; name: string; image_url: string | null }

const quantitySchema = z.number().int('must be an integer').min(1, 'must be greater than 0').max(10_000)

/** The order a new line item points at, if this caller may see it. */
function targetOrder(call: ApiCall, reference: unknown): OrderRow {
  const pointer = relationshipPointer('order')
  if (!reference || Array.isArray(reference))
    throw validationError(invalid('order', "can't be blank", 'blank', pointer))
  const { id } = reference as { id: string }
  const order = findOrder(call.api.store, id)
  if (!order || !canSeeOrder(call, order)) throw errors.recordNotFound(id, pointer)
  return order
}

/** The SKU of a new line item: from `relationships.item` or the `sku_code` attribute. */
function targetSku(call: ApiCall, itemReference: unknown, skuCode: unknown): SkuRow {
  const { store } = call.api
  if (itemReference && !Array.isArray(itemReference)) {
    const { id } = itemReference as { id: string }
    const sku = store.get<SkuRow>('SELECT * FROM cl_skus WHERE id = ?', id)
    if (!sku) throw errors.recordNotFound(id, relationshipPointer('item'))
    if (typeof skuCode === 'string' && skuCode !== sku.code) {
      throw validationError(invalid('sku_code', `does not match the item's code ${sku.code}`, 'mismatch'))
    }
    return sku
  }
  if (typeof skuCode === 'string') {
    const sku = store.get<SkuRow>('SELECT * FROM cl_skus WHERE code = ?', skuCode)
    if (!sku) throw validationError(invalid('sku_code', `matches no SKU (${skuCode})`, 'not_found'))
    return sku
  }
  throw validationError(
    invalid('item', "can't be blank: send sku_code or an item relationship", 'blank', relationshipPointer('item')),
  )
}

function priceOf(call: ApiCall, order: OrderRow, sku: SkuRow): number {
  const price = call.api.store.get<{ amount_cents: number }>(
    `SELECT p.amount_cents FROM cl_prices p JOIN cl_markets m ON m.price_list_id = p.price_list_id WHERE m.id = ? AND p.sku_id = ?`,
    order.market_id,
    sku.id,
  )
  if (!price) throw validationError(invalid('sku_code', `${sku.code} has no price in this market`, 'no_price'))
  return price.amount_cents
}

/** Refuses a quantity the stock cannot serve: 422 on quantity, "out of stock" when there is none at all. */
export function checkStock(call: ApiCall, orderId: string, skuId: string, quantity: number, exceptLineId = ''): void {
  const { store } = call.api
  const stock = store.get<{ quantity: number }>(
    'SELECT COALESCE(SUM(quantity), 0) AS quantity FROM cl_stock_items WHERE sku_id = ?',
    skuId,
  )
  const elsewhere = store.get<{ quantity: number }>(
    `SELECT COALESCE(SUM(quantity), 0) AS quantity FROM cl_line_items
      WHERE order_id = ? AND item_type = 'skus' AND item_id = ? AND id != ?`,
    orderId,
    skuId,
    exceptLineId,
  )
  const available = stock?.quantity ?? 0
  const wanted = quantity + (elsewhere?.quantity ?? 0)
  if (available <= 0) throw validationError(invalid('quantity', 'out of stock', 'out_of_stock'))
  if (wanted > available) {
    throw validationError(
      invalid('quantity', `out of stock: only ${available} available, ${wanted} requested`, 'insufficient_stock'),
    )
  }
}

/**
 * Any change to SKU lines: in one transaction, the order attached and checked, totals redone, and (when what is
 * bought changes, not just a name or metadata) the payment source dropped.
 */
function changeSkuLines(
  call: ApiCall,
  order: OrderRow,
  work: (order: OrderRow) => string | void,
  changesPurchase = true,
): LineItemRow {
  return call.api.store.transaction(() => {
    const current = orderForChange(call, order)
    const lineId = work(current)
    if (changesPurchase) nullifyPaymentSource(call, order.id)
    recalculateOrder(call.api.store, nowIso(call.api), order.id)
    return lineById(call, lineId ?? '')
  })
}

const lineById = (call: ApiCall, id: string) =>
  call.api.store.get<LineItemRow>('SELECT * FROM cl_line_items WHERE id = ?', id) as LineItemRow

function refuseSystemLine(line: Row): void {
  if (line.item_type !== 'skus') {
    throw validationError(
      invalid(
        'item_type',
        `is ${String(line.item_type)}: this line item follows the order and cannot be changed`,
        'not_editable',
      ),
    )
  }
}

export const lineItems: ResourceDef = {
  type: 'line_items',
  table: 'cl_line_items',
  attributes: {
    sku_code: attr.string('sku_code', { filter: true }),
    bundle_code: attr.fixed(null),
    quantity: attr.integer('quantity', { filter: true }),
    currency_code: attr.string('currency_code', { filter: true, sort: true }),
    ...money('unit_amount'),
    ...money('compare_at_amount'),
    ...money('options_amount', { cents: () => 0 }),
    ...money('discount', { cents: () => 0 }),
    ...money('total_amount'),
    ...money('tax_amount'),
    name: attr.string('name', { filter: true, sort: true }),
    image_url: attr.url('image_url', { filter: true }),
    discount_breakdown: attr.fixed({}, 'object'),
    tax_rate: attr.float('tax_rate'),
    tax_breakdown: attr.fixed({}, 'object'),
    item_type: attr.string('item_type', { filter: true, sort: true }),
    frequency: attr.fixed(null),
    coupon_code: attr.fixed(null),
    ...commonAttributes(),
  },
  relationships: {
    order: belongsTo('orders', 'order_id'),
    item: polymorphic('item_type', 'item_id', ['skus', 'shipments', 'payment_methods']),
    sku: belongsTo('skus', 'item_id'),
    line_item_options: hasMany('line_item_options', 'line_item_id'),
  },
  ...orderChild(),
  writes: {
    attributes: {
      sku_code: { schema: z.string().trim().min(1), create: true },
      quantity: { schema: quantitySchema, create: true, update: true },
      _update_quantity: { schema: trigger, create: true },
      name: { schema: z.string().trim().min(1).max(255), create: true, update: true },
      image_url: { schema: z.string().max(2048).nullable(), create: true, update: true },
      ...commonWrites,
    },
    relationships: {
      order: { types: ['orders'], create: true },
      item: { types: ['skus'], create: true },
    },
  },
  create(call, input) {
    const { attributes } = input
    const order = targetOrder(call, input.relationships.order)
    const sku = targetSku(call, input.relationships.item, attributes.sku_code)
    if (attributes.quantity === undefined) throw validationError(invalid('quantity', "can't be blank", 'blank'))
    const quantity = attributes.quantity as number
    const unitCents = priceOf(call, order, sku)
    return changeSkuLines(call, order, (current) => {
      const now = nowIso(call.api)
      const existing =
        attributes._update_quantity === true
          ? call.api.store.get<LineItemRow>(
              "SELECT * FROM cl_line_items WHERE order_id = ? AND item_type = 'skus' AND item_id = ? ORDER BY rowid LIMIT 1",
              current.id,
              sku.id,
            )
          : undefined
      if (existing) {
        // `_update_quantity`: the new quantity adds to the line that already holds this SKU.
        checkStock(call, current.id, sku.id, existing.quantity + quantity, existing.id)
        call.api.store.run(
          'UPDATE cl_line_items SET quantity = ?, updated_at = ? WHERE id = ?',
          existing.quantity + quantity,
          now,
          existing.id,
        )
        writeCommonFields(call, 'cl_line_items', existing.id, attributes)
        return existing.id
      }
      checkStock(call, current.id, sku.id, quantity)
      const id = newResourceId()
      call.api.store.run(
        `INSERT INTO cl_line_items (id, order_id, item_type, item_id, sku_code, name, image_url, quantity, currency_code,
           unit_amount_cents, compare_at_amount_cents, total_amount_cents, tax_rate, created_at, updated_at)
         VALUES (?, ?, 'skus', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        id,
        current.id,
        sku.id,
        sku.code,
        (attributes.name as string | undefined) ?? sku.name,
        attributes.image_url === undefined ? sku.image_url : attributes.image_url,
        quantity,
        current.currency_code,
        unitCents,
        unitCents,
        unitCents * quantity,
        current.tax_rate,
        now,
        now,
      )
      writeCommonFields(call, 'cl_line_items', id, attributes)
      return id
    })
  },
  update(call, row, input) {
    refuseSystemLine(row)
    const line = row as LineItemRow
    const order = orderById(call.api.store, line.order_id)
    const { attributes } = input
    return changeSkuLines(
      call,
      order,
      () => {
        const now = nowIso(call.api)
        if (attributes.quantity !== undefined) {
          checkStock(call, line.order_id, line.item_id as string, attributes.quantity as number, line.id)
          call.api.store.run(
            'UPDATE cl_line_items SET quantity = ?, updated_at = ? WHERE id = ?',
            attributes.quantity,
            now,
            line.id,
          )
        }
        for (const field of ['name', 'image_url'] as const) {
          if (attributes[field] !== undefined)
            call.api.store.run(
              `UPDATE cl_line_items SET ${field} = ?, updated_at = ? WHERE id = ?`,
              attributes[field],
              now,
              line.id,
            )
        }
        writeCommonFields(call, 'cl_line_items', line.id, attributes)
        return line.id
      },
      attributes.quantity !== undefined && attributes.quantity !== line.quantity,
    )
  },
  destroy(call, row) {
    refuseSystemLine(row)
    const order = orderById(call.api.store, String(row.order_id))
    changeSkuLines(call, order, () => {
      call.api.store.run('DELETE FROM cl_line_items WHERE id = ?', row.id)
    })
  },
}
