import { stableResourceId } from '../ids'
import { DEMO_PASSWORD, NEW_CUSTOMER_EMAIL, RETURNING_CUSTOMER_EMAIL, SANDBOX_MARKET_CODE } from '../seed-constants'
import { hashPasswordSync } from './auth/passwords'
import { imagePath } from './images'
import {
  KLARNA_GATEWAY,
  KLARNA_PAYMENT_METHOD_ID,
  MARKET_CURRENCY,
  MARKET_DEFAULT_COUNTRY,
  MARKET_ID,
  MARKET_SHIPPING_COUNTRIES,
  MARKET_TAX_RATE,
  PRICE_LIST_ID,
  SEED_SHIPPING_METHODS,
  SEED_SKUS,
  skuId,
  STOCK_LOCATION_ID,
} from './seed-catalog'
import { seedReturningCustomer } from './seed-returning-customer'
import type { Store } from './store'

export const NEW_CUSTOMER_ID = stableResourceId(`customer:${NEW_CUSTOMER_EMAIL}`)
export const RETURNING_CUSTOMER_ID = stableResourceId(`customer:${RETURNING_CUSTOMER_EMAIL}`)

let demoPasswordHash: string | undefined

/** Fills a fresh database (inside the sandbox's one seed transaction). */
export function seedCore(store: Store, nowMs: number): void {
  seedCatalogAndCustomers(store, new Date(nowMs).toISOString())
  seedReturningCustomer(store, RETURNING_CUSTOMER_ID, nowMs)
}

function seedCatalogAndCustomers(store: Store, now: string): void {
  const stamp = [now, now] as const
  store.run(
    'INSERT INTO cl_price_lists (id, name, code, currency_code, tax_included, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)',
    PRICE_LIST_ID,
    'Europe (EUR)',
    'EUR',
    MARKET_CURRENCY,
    ...stamp,
  )
  store.run(
    `INSERT INTO cl_markets (id, number, name, code, price_list_id, tax_rate, default_country_code, created_at, updated_at, metadata)
     VALUES (?, 1, 'Europe', ?, ?, ?, ?, ?, ?, ?)`,
    MARKET_ID,
    SANDBOX_MARKET_CODE,
    PRICE_LIST_ID,
    MARKET_TAX_RATE,
    MARKET_DEFAULT_COUNTRY,
    ...stamp,
    JSON.stringify({ shipping_country_codes: MARKET_SHIPPING_COUNTRIES }),
  )
  store.run(
    "INSERT INTO cl_stock_locations (id, name, code, created_at, updated_at) VALUES (?, 'Main warehouse', 'main', ?, ?)",
    STOCK_LOCATION_ID,
    ...stamp,
  )
  for (const sku of SEED_SKUS) {
    const id = skuId(sku.code)
    store.run(
      'INSERT INTO cl_skus (id, code, name, description, image_url, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      id,
      sku.code,
      sku.name,
      sku.description,
      imagePath(sku.code),
      ...stamp,
    )
    store.run(
      `INSERT INTO cl_prices (id, price_list_id, sku_id, sku_code, currency_code, amount_cents, compare_at_amount_cents, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      stableResourceId(`price:${sku.code}`),
      PRICE_LIST_ID,
      id,
      sku.code,
      MARKET_CURRENCY,
      sku.priceCents,
      sku.priceCents,
      ...stamp,
    )
    store.run(
      'INSERT INTO cl_stock_items (id, stock_location_id, sku_id, sku_code, quantity, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      stableResourceId(`stock_item:${sku.code}`),
      STOCK_LOCATION_ID,
      id,
      sku.code,
      sku.stock,
      ...stamp,
    )
  }
  for (const method of SEED_SHIPPING_METHODS) {
    store.run(
      `INSERT INTO cl_shipping_methods (id, market_id, name, currency_code, price_amount_cents, created_at, updated_at, metadata)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      method.id,
      MARKET_ID,
      method.name,
      MARKET_CURRENCY,
      method.priceCents,
      ...stamp,
      JSON.stringify({ delivery_lead_time: { min_days: method.minDays, max_days: method.maxDays } }),
    )
  }
  store.run(
    `INSERT INTO cl_payment_gateways (id, gateway_type, name, country_code, api_key, api_secret, created_at, updated_at)
     VALUES (?, 'klarna_gateways', ?, 'EU', ?, ?, ?, ?)`,
    KLARNA_GATEWAY.id,
    KLARNA_GATEWAY.name,
    KLARNA_GATEWAY.apiKey,
    KLARNA_GATEWAY.apiSecret,
    ...stamp,
  )
  store.run(
    `INSERT INTO cl_payment_methods (id, market_id, payment_gateway_id, name, payment_source_type, currency_code, price_amount_cents, created_at, updated_at)
     VALUES (?, ?, ?, 'Klarna', 'klarna_payments', ?, 0, ?, ?)`,
    KLARNA_PAYMENT_METHOD_ID,
    MARKET_ID,
    KLARNA_GATEWAY.id,
    MARKET_CURRENCY,
    ...stamp,
  )
  // Hashing is deliberately slow; one hash serves every demo customer and every sandbox started by this process.
  demoPasswordHash ??= hashPasswordSync(DEMO_PASSWORD)
  for (const [id, email] of [
    [NEW_CUSTOMER_ID, NEW_CUSTOMER_EMAIL],
    [RETURNING_CUSTOMER_ID, RETURNING_CUSTOMER_EMAIL],
  ] as const) {
    store.run(
      'INSERT INTO cl_customers (id, email, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
      id,
      email,
      demoPasswordHash,
      ...stamp,
    )
  }
}
