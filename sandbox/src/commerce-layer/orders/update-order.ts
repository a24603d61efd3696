import { nowIso, type ApiCall } from '../api'
import { saveOrderAddressesToBook } from './address-book'
import { availablePaymentMethods } from './availability'
import { nullifyPaymentSource, orderForChange } from './editing'
import { placeOrder, refuseSecondPlacement } from './place'
import { recalculateOrder } from './recalculate'
import { orderById } from './rows'
import { saveToWallet, useSavedSource } from './wallet'
import { errors, invalid, relationshipPointer, validationError } from '../jsonapi/errors'
import { canSeeAddress, cloneAddress } from '../resources/addresses'
import { writeCommonFields } from '../resources/writes'
import type { AddressRow, OrderRow } from './rows'
import type { Identifier, Row, WriteInput } from '../api'

/** What a placed order still accepts: its reference and metadata, and the triggers that save what it used. */
const ALLOWED_WHEN_PLACED = new Set([
  'reference',
  'reference_origin',
  'metadata',
  '_save_payment_source_to_customer_wallet',
  '_save_billing_address_to_customer_address_book',
  '_save_shipping_address_to_customer_address_book',
])

/** Plain attributes of an order, written as they come. */
const PLAIN_ATTRIBUTES = [
  'customer_email',
  'language_code',
  'cart_url',
  'return_url',
  'terms_url',
  'privacy_url',
  'affiliate_code',
] as const

function visibleAddress(call: ApiCall, id: string, field: string, relationship: boolean): AddressRow {
  const address = call.api.store.get<AddressRow>('SELECT * FROM cl_addresses WHERE id = ?', id)
  if (address && canSeeAddress(call, address)) return address
  if (relationship) throw errors.recordNotFound(id, relationshipPointer(field))
  throw validationError(invalid(field, 'matches no address you can use', 'not_found'))
}

/** Relationships: the customer (only the caller itself), the addresses, and the payment method. */
export function applyOrderRelationships(
  call: ApiCall,
  order: OrderRow,
  relationships: WriteInput['relationships'],
): void {
  const { store } = call.api
  const now = nowIso(call.api)
  const set = (column: string, value: string | null) =>
    store.run(`UPDATE cl_orders SET ${column} = ?, updated_at = ? WHERE id = ?`, value, now, order.id)
  for (const [name, value] of Object.entries(relationships)) {
    const reference = value as Identifier | null
    if (name === 'customer') {
      // A sales channel cannot hand an order to someone else: the only customer it may name is the signed-in one.
      if (!reference || reference.id !== call.caller.customerId)
        throw errors.recordNotFound(reference?.id ?? 'null', relationshipPointer(name))
    } else if (name === 'billing_address' || name === 'shipping_address') {
      if (reference) visibleAddress(call, reference.id, name, true)
      set(`${name}_id`, reference?.id ?? null)
    } else if (name === 'payment_method') {
      if (reference) {
        const available = availablePaymentMethods(call.api, [order]).get(order.id) ?? []
        if (!available.some((method) => method.id === reference.id))
          throw errors.recordNotFound(reference.id, relationshipPointer(name))
      }
      if ((reference?.id ?? null) !== order.payment_method_id) {
        // A new payment method needs a new payment source, as in Commerce Layer.
        set('payment_method_id', reference?.id ?? null)
        nullifyPaymentSource(call, order.id)
      }
    }
  }
}

/** `_billing_address_clone_id`, `_shipping_address_clone_id`, `_*_same_as_*` and the address-book flags. */
function applyAddressTriggers(call: ApiCall, order: OrderRow, attributes: Record<string, unknown>): void {
  const { store } = call.api
  const now = nowIso(call.api)
  const useCopy = (column: 'billing_address_id' | 'shipping_address_id', source: AddressRow) => {
    const copy = cloneAddress(call, source, call.caller.customerId)
    store.run(`UPDATE cl_orders SET ${column} = ?, updated_at = ? WHERE id = ?`, copy.id, now, order.id)
  }
  if (typeof attributes._billing_address_clone_id === 'string') {
    useCopy(
      'billing_address_id',
      visibleAddress(call, attributes._billing_address_clone_id, '_billing_address_clone_id', false),
    )
  }
  if (typeof attributes._shipping_address_clone_id === 'string') {
    useCopy(
      'shipping_address_id',
      visibleAddress(call, attributes._shipping_address_clone_id, '_shipping_address_clone_id', false),
    )
  }
  const current = orderById(call.api.store, order.id)
  const addressOf = (id: string | null, field: string) => {
    const address = id ? store.get<AddressRow>('SELECT * FROM cl_addresses WHERE id = ?', id) : undefined
    if (!address) throw validationError(invalid(field, "can't be blank", 'blank', relationshipPointer(field)))
    return address
  }
  if (attributes._shipping_address_same_as_billing === true)
    useCopy('shipping_address_id', addressOf(current.billing_address_id, 'billing_address'))
  if (attributes._billing_address_same_as_shipping === true)
    useCopy('billing_address_id', addressOf(current.shipping_address_id, 'shipping_address'))
  for (const kind of ['billing', 'shipping'] as const) {
    if (attributes[`_save_${kind}_address_to_customer_address_book`] !== true) continue
    if (!current.customer_id) {
      throw validationError(
        invalid(
          `_save_${kind}_address_to_customer_address_book`,
          'needs an order with a customer: a guest has no address book',
          'guest',
        ),
      )
    }
    store.run(`UPDATE cl_orders SET save_${kind}_address_to_book = 1 WHERE id = ?`, order.id)
  }
  if (current.status === 'placed') saveOrderAddressesToBook(call, order.id)
}

/**
 * `PATCH /api/orders/:id`: attributes and relationships first, then the triggers, in a fixed order. What changes
 * the cart happens in one transaction; `_place` and the wallet save talk to Klarna after it.
 */
export async function updateOrder(call: ApiCall, row: Row, input: WriteInput): Promise<Row> {
  const { attributes, relationships } = input
  const { store } = call.api
  const fired = (name: string) => attributes[name] !== undefined && attributes[name] !== false
  // A guest token may not touch a wallet at all: Commerce Layer answers "Access denied" before doing anything.
  if (attributes._save_payment_source_to_customer_wallet === true && !call.caller.customerId)
    throw errors.unauthorized()
  if (attributes._place === true) refuseSecondPlacement(call, row as OrderRow)
  const changesCart = [...Object.keys(attributes).filter(fired), ...Object.keys(relationships)].some(
    (name) => !ALLOWED_WHEN_PLACED.has(name),
  )

  store.transaction(() => {
    const order = orderForChange(call, row as OrderRow, { placedToo: !changesCart })
    const now = nowIso(call.api)
    for (const field of PLAIN_ATTRIBUTES) {
      if (attributes[field] !== undefined)
        store.run(`UPDATE cl_orders SET ${field} = ?, updated_at = ? WHERE id = ?`, attributes[field], now, order.id)
    }
    writeCommonFields(call, 'cl_orders', order.id, attributes)
    applyOrderRelationships(call, order, relationships)
    applyAddressTriggers(call, order, attributes)
    if (attributes._refresh === true) {
      // Prices again from the market's price list; a refreshed order needs a new payment source.
      store.run(
        `UPDATE cl_line_items SET unit_amount_cents = COALESCE((SELECT p.amount_cents FROM cl_prices p JOIN cl_markets m
            ON m.price_list_id = p.price_list_id WHERE m.id = ? AND p.sku_id = cl_line_items.item_id), unit_amount_cents)
          WHERE order_id = ? AND item_type = 'skus'`,
        order.market_id,
        order.id,
      )
      store.run('UPDATE cl_orders SET refreshed_at = ? WHERE id = ?', now, order.id)
      nullifyPaymentSource(call, order.id)
    }
    if (attributes._nullify_payment_source === true) nullifyPaymentSource(call, order.id)
    if (typeof attributes._customer_payment_source_id === 'string') {
      useSavedSource(call, orderById(call.api.store, order.id), attributes._customer_payment_source_id)
    }
    // `_update_taxes` needs nothing more: every change to a cart recomputes the taxes.
    if (order.status !== 'placed') recalculateOrder(store, now, order.id)
  })

  if (attributes._place === true) await placeOrder(call, row.id)
  if (attributes._save_payment_source_to_customer_wallet === true) await saveToWallet(call, row.id)
  return orderById(call.api.store, row.id)
}
