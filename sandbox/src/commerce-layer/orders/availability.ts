import { idList } from '../store'
import type { MarketRow, OrderRow, PaymentMethodRow, ShippingMethodRow } from './rows'
import type { Api } from '../api'
import type { Row } from '../api'

/**
 * What an order may choose from, computed for many orders at once (one query per kind, never one per order):
 * shipping methods, payment methods and saved payment sources. Commerce Layer does not document how it picks
 * saved sources; the sandbox's rule is in `availableCustomerPaymentSources`.
 */

/** The countries a market ships to (its metadata's `shipping_country_codes`); empty means anywhere. */
export function marketCountries(market: MarketRow | undefined): Set<string> {
  try {
    const metadata = JSON.parse(market?.metadata ?? '{}') as { shipping_country_codes?: unknown }
    const codes = Array.isArray(metadata.shipping_country_codes) ? metadata.shipping_country_codes : []
    return new Set(codes.filter((code): code is string => typeof code === 'string'))
  } catch {
    return new Set()
  }
}

/** Shipping methods of the order's market; none when the shipping address is in a country the market does not serve. */
export function availableShippingMethods(api: Api, orders: readonly OrderRow[]): Map<string, ShippingMethodRow[]> {
  const { store } = api
  const methods = store.all<ShippingMethodRow>(
    'SELECT * FROM cl_shipping_methods WHERE disabled_at IS NULL ORDER BY rowid',
  )
  const markets = new Map(store.all<MarketRow>('SELECT * FROM cl_markets').map((market) => [market.id, market]))
  const countries = new Map(
    store
      .all<{ id: string; country_code: string }>(
        'SELECT id, country_code FROM cl_addresses WHERE id IN (SELECT value FROM json_each(?))',
        idList(orders.map((order) => order.shipping_address_id).filter((id): id is string => id !== null)),
      )
      .map((row) => [row.id, row.country_code]),
  )
  return new Map(
    orders.map((order) => {
      const served = marketCountries(markets.get(order.market_id))
      const country = order.shipping_address_id ? countries.get(order.shipping_address_id) : undefined
      if (country && served.size > 0 && !served.has(country)) return [order.id, []]
      return [order.id, methods.filter((method) => method.market_id === null || method.market_id === order.market_id)]
    }),
  )
}

/** Payment methods of the order's market, in the order's currency. */
export function availablePaymentMethods(api: Api, orders: readonly OrderRow[]): Map<string, PaymentMethodRow[]> {
  const methods = api.store.all<PaymentMethodRow>(
    'SELECT * FROM cl_payment_methods WHERE disabled_at IS NULL ORDER BY rowid',
  )
  return new Map(
    orders.map((order) => [
      order.id,
      methods.filter(
        (method) =>
          (method.market_id === null || method.market_id === order.market_id) &&
          method.currency_code === order.currency_code,
      ),
    ]),
  )
}

/**
 * The sandbox's rule for an order's `available_customer_payment_sources`: the sources its customer saved whose
 * payment method is available to this order (same market, same currency, not disabled). Guests: none.
 */
export function availableCustomerPaymentSources(api: Api, orders: readonly OrderRow[]): Map<string, Row[]> {
  const rows = api.store.all<Row & { order_id_for_listing: string }>(
    `SELECT s.*, o.id AS order_id_for_listing
       FROM cl_orders o
       JOIN cl_customer_payment_sources s ON s.customer_id = o.customer_id
       JOIN cl_payment_methods m ON m.id = s.payment_method_id
      WHERE o.id IN (SELECT value FROM json_each(?))
        AND m.disabled_at IS NULL AND m.currency_code = o.currency_code
        AND (m.market_id IS NULL OR m.market_id = o.market_id)
      ORDER BY s.rowid`,
    idList(orders.map((order) => order.id)),
  )
  const grouped = new Map<string, Row[]>(orders.map((order) => [order.id, []]))
  for (const { order_id_for_listing: orderId, ...source } of rows) grouped.get(orderId)?.push(source as Row)
  return grouped
}
