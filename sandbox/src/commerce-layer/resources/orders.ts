import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { newResourceId } from '../../ids'
import { canSeeOrder, customerOrdersScope } from '../access'
import { nowIso, type ApiCall } from '../api'
import { commonWrites, trigger, writable } from './writes'
import { errors, relationshipPointer } from '../jsonapi/errors'
import { belongsTo, computedMany, hasMany, polymorphic } from '../jsonapi/relationships'
import { attr, commonAttributes, money } from '../jsonapi/resource'
import { availableCustomerPaymentSources, availablePaymentMethods } from '../orders/availability'
import { recalculateOrder } from '../orders/recalculate'
import { orderById } from '../orders/rows'
import { applyOrderRelationships, updateOrder } from '../orders/update-order'
import type { ResourceDef, Row } from '../api'
import type { MarketRow, OrderRow } from '../orders/rows'
import type { Store } from '../store'

const filterSort = { filter: true, sort: true }
const zero = { cents: () => 0 }
const cents = (row: Row, column: string) => Number(row[column] ?? 0)
const net = (gross: string, tax: string) => ({ cents: (row: Row) => cents(row, gross) - cents(row, tax) })

/** The next order number: sequential, as Commerce Layer's default numbering. */
function nextOrderNumber(store: Store): string {
  store.run(
    "INSERT INTO cl_counters (name, value) VALUES ('order_number', 10000) ON CONFLICT (name) DO UPDATE SET value = value + 1",
  )
  return String(store.get<{ value: number }>("SELECT value FROM cl_counters WHERE name = 'order_number'")?.value)
}

/** `new` for a customer's first order, `returning` once another order of theirs was placed; none for a guest. */
function customerType(call: ApiCall, order: Row): string | null {
  if (typeof order.customer_id !== 'string') return null
  const placedBefore = call.api.store.get(
    "SELECT 1 FROM cl_orders WHERE customer_id = ? AND id != ? AND status IN ('placed', 'approved') LIMIT 1",
    order.customer_id,
    order.id,
  )
  return placedBefore ? 'returning' : 'new'
}

/** A new draft order in the caller's market, attached to the caller when a customer is signed in. */
export function insertOrder(
  store: Store,
  now: string,
  values: { marketId: string; customerId: string | null; customerEmail: string | null; languageCode: string },
): string {
  const market = store.get<MarketRow & { currency_code: string }>(
    'SELECT m.*, p.currency_code FROM cl_markets m JOIN cl_price_lists p ON p.id = m.price_list_id WHERE m.id = ?',
    values.marketId,
  ) as MarketRow & { currency_code: string }
  const id = newResourceId()
  store.run(
    `INSERT INTO cl_orders (id, number, token, status, payment_status, fulfillment_status, market_id, customer_id,
       customer_email, language_code, currency_code, tax_included, tax_rate, created_at, updated_at)
     VALUES (?, ?, ?, 'draft', 'unpaid', 'unfulfilled', ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
    id,
    nextOrderNumber(store),
    randomBytes(16).toString('hex'),
    values.marketId,
    values.customerId,
    values.customerEmail,
    values.languageCode,
    market.currency_code,
    market.tax_rate,
    now,
    now,
  )
  return id
}

const triggers = writable(
  {
    _place: trigger,
    _refresh: trigger,
    _update_taxes: trigger,
    _nullify_payment_source: trigger,
    _shipping_address_same_as_billing: trigger,
    _billing_address_same_as_shipping: trigger,
    _billing_address_clone_id: z.string().min(1),
    _shipping_address_clone_id: z.string().min(1),
    _save_shipping_address_to_customer_address_book: trigger,
    _save_billing_address_to_customer_address_book: trigger,
    _save_payment_source_to_customer_wallet: trigger,
    _customer_payment_source_id: z.string().min(1),
  },
  { update: true },
)

export const orders: ResourceDef = {
  type: 'orders',
  table: 'cl_orders',
  attributes: {
    number: attr.string('number', filterSort),
    affiliate_code: attr.string('affiliate_code', filterSort),
    autorefresh: attr.fixed(true, 'boolean'),
    place_async: attr.fixed(false, 'boolean'),
    status: attr.string('status', filterSort),
    payment_status: attr.string('payment_status', filterSort),
    fulfillment_status: attr.string('fulfillment_status', filterSort),
    guest: attr.computed((row) => row.customer_id === null, 'boolean'),
    editable: attr.computed((row) => row.status === 'draft' || row.status === 'pending', 'boolean'),
    customer_email: attr.string('customer_email', { filter: true }),
    customer_type: attr.computed((row, call) => customerType(call, row), 'string'),
    language_code: attr.string('language_code', filterSort),
    currency_code: attr.string('currency_code', filterSort),
    tax_included: attr.boolean('tax_included', filterSort),
    tax_rate: attr.float('tax_rate', filterSort),
    freight_taxable: attr.fixed(true, 'boolean'),
    payment_method_taxable: attr.fixed(true, 'boolean'),
    adjustment_taxable: attr.fixed(false, 'boolean'),
    gift_card_taxable: attr.fixed(false, 'boolean'),
    requires_billing_info: attr.fixed(false, 'boolean'),
    country_code: attr.string('country_code', filterSort),
    shipping_country_code_lock: attr.fixed(null),
    coupon_code: attr.fixed(null),
    gift_card_code: attr.fixed(null),
    gift_card_or_coupon_code: attr.fixed(null),
    ...money('subtotal_amount'),
    ...money('shipping_amount'),
    ...money('payment_method_amount'),
    ...money('discount_amount', zero),
    ...money('adjustment_amount', zero),
    ...money('gift_card_amount', zero),
    ...money('total_tax_amount'),
    ...money('subtotal_tax_amount'),
    ...money('shipping_tax_amount', { cents: (row) => cents(row, 'shipping_tax_amount_cents') }),
    ...money('payment_method_tax_amount', { cents: (row) => cents(row, 'payment_method_tax_amount_cents') }),
    ...money('adjustment_tax_amount', zero),
    ...money('total_amount'),
    ...money('total_taxable_amount', net('total_amount_cents', 'total_tax_amount_cents')),
    ...money('subtotal_taxable_amount', net('subtotal_amount_cents', 'subtotal_tax_amount_cents')),
    ...money('shipping_taxable_amount', net('shipping_amount_cents', 'shipping_tax_amount_cents')),
    ...money('payment_method_taxable_amount', net('payment_method_amount_cents', 'payment_method_tax_amount_cents')),
    ...money('adjustment_taxable_amount', zero),
    ...money('total_amount_with_taxes', { cents: (row) => cents(row, 'total_amount_cents') }),
    ...money('fees_amount', zero),
    ...money('duty_amount', zero),
    ...money('place_total_amount', { cents: (row) => cents(row, 'total_amount_cents') }),
    skus_count: attr.integer('skus_count'),
    line_item_options_count: attr.fixed(0, 'integer'),
    shipments_count: attr.computed((row) => (cents(row, 'skus_count') > 0 ? 1 : 0), 'integer'),
    tax_calculations_count: attr.fixed(0, 'integer'),
    validations_count: attr.fixed(0, 'integer'),
    errors_count: attr.fixed(0, 'integer'),
    payment_source_details: attr.json('payment_source_details', null),
    token: attr.string('token', { filter: true }),
    cart_url: attr.string('cart_url'),
    return_url: attr.string('return_url'),
    terms_url: attr.string('terms_url'),
    privacy_url: attr.string('privacy_url'),
    checkout_url: attr.fixed(null),
    placed_at: attr.datetime('placed_at'),
    approved_at: attr.fixed(null, 'datetime'),
    cancelled_at: attr.fixed(null, 'datetime'),
    payment_updated_at: attr.datetime('payment_updated_at'),
    fulfillment_updated_at: attr.fixed(null, 'datetime'),
    refreshed_at: attr.datetime('refreshed_at'),
    archived_at: attr.fixed(null, 'datetime'),
    subscription_created_at: attr.fixed(null, 'datetime'),
    expires_at: attr.fixed(null, 'datetime'),
    expiration_info: attr.fixed(null, 'object'),
    circuit_state: attr.fixed('closed'),
    circuit_failure_count: attr.fixed(0, 'integer'),
    ...commonAttributes(),
  },
  // Exactly the relationships, in the order, that reusing-the-payment-source.txt shows.
  relationships: {
    market: belongsTo('markets', 'market_id'),
    customer: belongsTo('customers', 'customer_id'),
    shipping_address: belongsTo('addresses', 'shipping_address_id'),
    billing_address: belongsTo('addresses', 'billing_address_id'),
    available_payment_methods: computedMany('payment_methods', (call, rows) =>
      availablePaymentMethods(call.api, rows as OrderRow[]),
    ),
    available_customer_payment_sources: computedMany('customer_payment_sources', (call, rows) =>
      availableCustomerPaymentSources(call.api, rows as OrderRow[]),
    ),
    payment_method: belongsTo('payment_methods', 'payment_method_id'),
    payment_source: polymorphic('payment_source_type', 'payment_source_id', ['klarna_payments']),
    line_items: hasMany('line_items', 'order_id'),
    shipments: hasMany('shipments', 'order_id'),
  },
  listScope: (call) => customerOrdersScope(call),
  canRead: (call, row) => canSeeOrder(call, row as OrderRow),
  writes: {
    attributes: {
      ...writable(
        {
          customer_email: z.email('is invalid'),
          language_code: z
            .string()
            .regex(/^[a-z]{2}$/i, 'must be a two-letter ISO 639-1 code')
            .transform((code) => code.toLowerCase()),
          cart_url: z.url('is invalid').nullable(),
          return_url: z.url('is invalid').nullable(),
          terms_url: z.url('is invalid').nullable(),
          privacy_url: z.url('is invalid').nullable(),
          affiliate_code: z.string().max(255).nullable(),
        },
        { create: true, update: true },
      ),
      ...triggers,
      ...commonWrites,
    },
    relationships: {
      market: { types: ['markets'], create: true },
      customer: { types: ['customers'], create: true, update: true },
      shipping_address: { types: ['addresses'], create: true, update: true },
      billing_address: { types: ['addresses'], create: true, update: true },
      payment_method: { types: ['payment_methods'], create: true, update: true },
    },
  },
  create(call: ApiCall, input) {
    const { attributes, relationships } = input
    const market = relationships.market as { id: string } | null | undefined
    if (market && market.id !== call.caller.marketId)
      throw errors.recordNotFound(market.id, relationshipPointer('market'))
    const { store } = call.api
    return store.transaction(() => {
      const now = nowIso(call.api)
      const customerEmail = call.caller.customerId
        ? (store.get<{ email: string }>('SELECT email FROM cl_customers WHERE id = ?', call.caller.customerId)?.email ??
          null)
        : ((attributes.customer_email as string | undefined) ?? null)
      const id = insertOrder(store, now, {
        marketId: call.caller.marketId,
        customerId: call.caller.customerId,
        customerEmail,
        languageCode: (attributes.language_code as string | undefined) ?? 'en',
      })
      const { market: _market, ...others } = relationships
      const plain = Object.fromEntries(
        Object.entries(attributes).filter(([name]) => !['customer_email', 'language_code'].includes(name)),
      )
      for (const [field, value] of Object.entries(plain)) {
        store.run(
          `UPDATE cl_orders SET ${field} = ? WHERE id = ?`,
          field === 'metadata' ? JSON.stringify(value) : value,
          id,
        )
      }
      applyOrderRelationships(call, orderById(store, id), others)
      recalculateOrder(store, now, id)
      return orderById(store, id)
    })
  },
  update: updateOrder,
}
