import type { Row } from '../api'

/** The order columns the domain code reads (the table has more, which the API shows as they are). */
export type OrderRow = Row & {
  number: string
  status: 'draft' | 'pending' | 'placed' | 'approved' | 'cancelled'
  payment_status: string
  market_id: string
  customer_id: string | null
  customer_email: string | null
  language_code: string
  currency_code: string
  tax_rate: number
  shipping_address_id: string | null
  billing_address_id: string | null
  payment_method_id: string | null
  payment_source_type: string | null
  payment_source_id: string | null
  subtotal_amount_cents: number
  shipping_amount_cents: number
  total_tax_amount_cents: number
  total_amount_cents: number
  skus_count: number
  placing_started_at: number | null
  save_billing_address_to_book: number
  save_shipping_address_to_book: number
}

export type LineItemRow = Row & {
  order_id: string
  item_type: 'skus' | 'shipments' | 'payment_methods'
  item_id: string | null
  sku_code: string | null
  name: string | null
  image_url: string | null
  quantity: number
  unit_amount_cents: number
  total_amount_cents: number
  tax_amount_cents: number
  tax_rate: number
}

export type ShipmentRow = Row & {
  order_id: string
  number: string
  status: string
  shipping_method_id: string | null
  cost_amount_cents: number
}

export type AddressRow = Row & {
  owner_customer_id: string | null
  business: number
  first_name: string | null
  last_name: string | null
  company: string | null
  line_1: string
  line_2: string | null
  city: string
  zip_code: string | null
  state_code: string | null
  country_code: string
  phone: string
  email: string | null
}

export type KlarnaPaymentRow = Row & {
  order_id: string
  payment_gateway_id: string
  session_id: string | null
  client_token: string | null
  payment_methods: string
  intent: string | null
  auth_token: string | null
  session_amount_cents: number | null
  mismatched_amounts: number
  klarna_customer_token: string | null
  customer_payment_source_id: string | null
  klarna_order_id: string | null
  wallet_source_id: string | null
}

export type PaymentMethodRow = Row & {
  market_id: string | null
  payment_gateway_id: string
  name: string
  payment_source_type: string
  currency_code: string
  price_amount_cents: number
  disabled_at: string | null
}

export type ShippingMethodRow = Row & {
  market_id: string | null
  name: string
  price_amount_cents: number
  free_over_amount_cents: number | null
  disabled_at: string | null
}

export type MarketRow = Row & {
  code: string | null
  tax_rate: number
  default_country_code: string
  price_list_id: string
  metadata: string
}

type RowReader = { get<T>(sql: string, ...params: unknown[]): T | undefined }

/** The order with this id, or undefined: the one way the Commerce Layer stand-in reads an order row. */
export function findOrder(rows: RowReader, id: string): OrderRow | undefined {
  return rows.get<OrderRow>('SELECT * FROM cl_orders WHERE id = ?', id)
}

/**
 * The order with this id when it must exist (the id comes from a row that refers to it, or the order was just
 * written); a missing one is a sandbox bug, answered as a 500 rather than read on as undefined.
 */
export function orderById(rows: RowReader, id: string): OrderRow {
  const order = findOrder(rows, id)
  if (!order) throw new Error(`order ${id} is referred to but missing`)
  return order
}
