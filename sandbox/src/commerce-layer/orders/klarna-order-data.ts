import type { KlarnaAddress, KlarnaCredentials, KlarnaOrderData, KlarnaOrderLine } from '../klarna-adapter'
import type { Store } from '../store'
import type { AddressRow, LineItemRow, MarketRow, OrderRow } from './rows'

/**
 * What Commerce Layer sends Klarna for an order, built from the order as it is now:
 * - purchase_country: the billing address's, else the shipping address's, else the market's default;
 * - locale: the order's language with that country (`en-IT`); currency, amounts and lines in minor units;
 * - one line per SKU (`physical`), the shipping cost once a shipping method is chosen (`shipping_fee`), and the
 *   payment method's price when it has one (`surcharge`), each with Klarna's tax arithmetic exact
 *   (the order's line taxes are computed with the same rounding, see recalculate.ts).
 */
export function klarnaOrderData(store: Store, order: OrderRow): KlarnaOrderData {
  const lines = store.all<LineItemRow>('SELECT * FROM cl_line_items WHERE order_id = ? ORDER BY rowid', order.id)
  const market = store.get<MarketRow>('SELECT * FROM cl_markets WHERE id = ?', order.market_id)
  const address = (id: string | null) =>
    id ? store.get<AddressRow>('SELECT * FROM cl_addresses WHERE id = ?', id) : undefined
  const billing = address(order.billing_address_id)
  const shipping = address(order.shipping_address_id)
  const purchaseCountry = billing?.country_code ?? shipping?.country_code ?? market?.default_country_code ?? 'IT'

  const typeOf: Record<LineItemRow['item_type'], KlarnaOrderLine['type']> = {
    skus: 'physical',
    shipments: 'shipping_fee',
    payment_methods: 'surcharge',
  }
  const orderLines = lines
    .filter((line) => line.item_type !== 'payment_methods' || line.total_amount_cents > 0)
    .map((line): KlarnaOrderLine => ({
      type: typeOf[line.item_type],
      ...(line.sku_code ? { reference: line.sku_code } : {}),
      name: line.name ?? line.sku_code ?? line.item_type,
      quantity: line.quantity,
      unit_price: line.unit_amount_cents,
      tax_rate: Math.round(line.tax_rate * 10_000),
      total_amount: line.total_amount_cents,
      total_tax_amount: line.tax_amount_cents,
    }))

  return {
    purchase_country: purchaseCountry,
    purchase_currency: order.currency_code,
    locale: `${order.language_code}-${purchaseCountry}`,
    order_amount: orderLines.reduce((total, line) => total + line.total_amount, 0),
    order_tax_amount: orderLines.reduce((total, line) => total + line.total_tax_amount, 0),
    order_lines: orderLines,
    ...(billing ? { billing_address: klarnaAddress(billing, order.customer_email) } : {}),
    ...(shipping ? { shipping_address: klarnaAddress(shipping, order.customer_email) } : {}),
    merchant_reference1: order.number,
  }
}

/** Klarna's address fields from a Commerce Layer address; absent values are left out (Klarna refuses nulls). */
function klarnaAddress(address: AddressRow, orderEmail: string | null): KlarnaAddress {
  const fields: Record<string, string | null | undefined> = {
    given_name: address.business ? undefined : address.first_name,
    family_name: address.business ? undefined : address.last_name,
    organization_name: address.business ? address.company : undefined,
    email: orderEmail ?? address.email,
    street_address: address.line_1,
    street_address2: address.line_2,
    postal_code: address.zip_code,
    city: address.city,
    region: address.state_code,
    phone: address.phone,
    country: address.country_code,
  }
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== null && value !== undefined && value !== ''),
  ) as KlarnaAddress
}

/** The merchant's Klarna credentials, from the payment's gateway. */
export function gatewayCredentials(store: Store, gatewayId: string): KlarnaCredentials {
  const gateway = store.get<{ api_key: string | null; api_secret: string | null }>(
    'SELECT api_key, api_secret FROM cl_payment_gateways WHERE id = ?',
    gatewayId,
  )
  return { apiKey: gateway?.api_key ?? '', apiSecret: gateway?.api_secret ?? '' }
}
