import { stableResourceId } from '../ids'
import { RETURNING_CUSTOMER_EMAIL, RETURNING_CUSTOMER_KLARNA_TOKEN } from '../seed-constants'
import { imagePath } from './images'
import { recalculateOrder } from './orders/recalculate'
import { savedSourceName } from './orders/wallet'
import { insertOrder } from './resources/orders'
import { KLARNA_GATEWAY_ID, KLARNA_PAYMENT_METHOD_ID, MARKET_ID, skuId, STANDARD_SHIPPING_ID } from './seed-catalog'
import type { Store } from './store'

export const RETURNING_ADDRESS_ID = stableResourceId('address:returning:book')
export const RETURNING_CUSTOMER_ADDRESS_ID = stableResourceId('customer_address:returning')
export const RETURNING_PAYMENT_SOURCE_ID = stableResourceId('customer_payment_source:returning:klarna')
const RETURNING_KLARNA_PAYMENT_ID = stableResourceId('klarna_payment:returning:first-order')
/** The Klarna stand-in's payment_method_reference for the seeded customer token (sandbox/src/klarna/customer-tokens.ts). */
const RETURNING_KLARNA_PAYMENT_METHOD_REFERENCE = '9a4c1f7e-2d3b-4c5a-8e6f-0b1d2c3e4f5a'

const ADDRESS = {
  first_name: 'Rita',
  last_name: 'Rossi',
  line_1: 'Via Roma 12',
  city: 'Milano',
  zip_code: '20121',
  state_code: 'MI',
  country_code: 'IT',
  phone: '+39 02 1234 5678',
}

function insertAddress(store: Store, id: string, customerId: string, at: string): void {
  store.run(
    `INSERT INTO cl_addresses (id, owner_customer_id, first_name, last_name, line_1, city, zip_code, state_code, country_code,
       phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    id,
    customerId,
    ...Object.values(ADDRESS),
    at,
    at,
  )
}

/**
 * returning@example.com as after a first purchase two weeks ago: one placed order paid with Klarna, the address
 * saved to the address book, and the Klarna source saved to the wallet (its customer token is the one the Klarna
 * stand-in seeds as ACTIVE).
 */
export function seedReturningCustomer(store: Store, customerId: string, nowMs: number): void {
  const at = new Date(nowMs - 14 * 24 * 3600 * 1000).toISOString()
  insertAddress(store, RETURNING_ADDRESS_ID, customerId, at)
  store.run(
    'INSERT INTO cl_customer_addresses (id, customer_id, address_id, customer_email, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    RETURNING_CUSTOMER_ADDRESS_ID,
    customerId,
    RETURNING_ADDRESS_ID,
    RETURNING_CUSTOMER_EMAIL,
    at,
    at,
  )

  const orderId = insertOrder(store, at, {
    marketId: MARKET_ID,
    customerId,
    customerEmail: RETURNING_CUSTOMER_EMAIL,
    languageCode: 'en',
  })
  const billingId = stableResourceId('address:returning:first-order:billing')
  const shippingId = stableResourceId('address:returning:first-order:shipping')
  insertAddress(store, billingId, customerId, at)
  insertAddress(store, shippingId, customerId, at)
  const lines = [
    { code: 'MUG-STONE-350', name: 'Stoneware Mug', cents: 1800, quantity: 2 },
    { code: 'CANDLE-FIG-200', name: 'Fig Leaf Candle', cents: 2600, quantity: 1 },
  ]
  for (const line of lines) {
    store.run(
      `INSERT INTO cl_line_items (id, order_id, item_type, item_id, sku_code, name, image_url, quantity, currency_code,
         unit_amount_cents, compare_at_amount_cents, total_amount_cents, created_at, updated_at)
       VALUES (?, ?, 'skus', ?, ?, ?, ?, ?, 'EUR', ?, ?, ?, ?, ?)`,
      stableResourceId(`line_item:returning:${line.code}`),
      orderId,
      skuId(line.code),
      line.code,
      line.name,
      imagePath(line.code),
      line.quantity,
      line.cents,
      line.cents,
      line.cents * line.quantity,
      at,
      at,
    )
  }
  store.run(
    'UPDATE cl_orders SET billing_address_id = ?, shipping_address_id = ?, payment_method_id = ? WHERE id = ?',
    billingId,
    shippingId,
    KLARNA_PAYMENT_METHOD_ID,
    orderId,
  )
  recalculateOrder(store, at, orderId)
  store.run(
    "UPDATE cl_shipments SET shipping_method_id = ?, status = 'upcoming' WHERE order_id = ?",
    STANDARD_SHIPPING_ID,
    orderId,
  )
  recalculateOrder(store, at, orderId)

  const total = store.get<{ total_amount_cents: number }>(
    'SELECT total_amount_cents FROM cl_orders WHERE id = ?',
    orderId,
  )?.total_amount_cents
  const klarnaOrderId = '3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c'
  store.run(
    `INSERT INTO cl_klarna_payments (id, order_id, payment_gateway_id, session_id, payment_methods, intent, auth_token,
       session_amount_cents, klarna_order_id, payment_instrument, wallet_source_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'buy_and_tokenize', ?, ?, ?, ?, ?, ?, ?)`,
    RETURNING_KLARNA_PAYMENT_ID,
    orderId,
    KLARNA_GATEWAY_ID,
    'c4b5d6e7-1a2b-4c3d-9e8f-7a6b5c4d3e2f',
    JSON.stringify([{ identifier: 'klarna', name: 'Pay with Klarna', asset_urls: {} }]),
    'e1d2c3b4-a5f6-4e7d-8c9b-0a1b2c3d4e5f',
    total,
    klarnaOrderId,
    JSON.stringify({ issuer_type: 'klarna', payment_method_type: 'invoice' }),
    RETURNING_PAYMENT_SOURCE_ID,
    at,
    at,
  )
  store.run(
    `UPDATE cl_orders SET status = 'placed', payment_status = 'authorized', placed_at = ?, payment_updated_at = ?,
       payment_source_type = 'klarna_payments', payment_source_id = ?, payment_source_details = ? WHERE id = ?`,
    at,
    at,
    RETURNING_KLARNA_PAYMENT_ID,
    JSON.stringify({
      type: 'klarna_payment',
      klarna_id: klarnaOrderId,
      payment_method_details: {
        fraud_status: 'ACCEPTED',
        authorized_payment_method: { type: 'invoice', number_of_days: 30 },
      },
    }),
    orderId,
  )
  store.run(
    `INSERT INTO cl_customer_payment_sources (id, customer_id, payment_method_id, payment_source_type, payment_source_id,
       customer_token, payment_source_token, name, created_at, updated_at)
     VALUES (?, ?, ?, 'klarna_payments', ?, ?, ?, ?, ?, ?)`,
    RETURNING_PAYMENT_SOURCE_ID,
    customerId,
    KLARNA_PAYMENT_METHOD_ID,
    RETURNING_KLARNA_PAYMENT_ID,
    RETURNING_KLARNA_PAYMENT_METHOD_REFERENCE,
    RETURNING_CUSTOMER_KLARNA_TOKEN,
    savedSourceName('INVOICE', RETURNING_CUSTOMER_EMAIL),
    at,
    at,
  )
}
