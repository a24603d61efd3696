import { z } from 'zod'
import { isCartStatus } from './cart'
import { isNotFound } from './errors'
import { addressSchema, lineItemSchema } from './schemas'
import type { CommerceLayerClient } from './client'
import type { Order, QueryParamsRetrieve } from '@commercelayer/sdk'

/**
 * Placed orders as a shopper reads them: the account's order list and one order's details
 * (also the confirmation page after checkout).
 */

export type OrderSummary = {
  id: string
  number: string
  status: string
  placedAt: string | null
  currency: string
  totalCents: number
  paymentSourceType: string | null
}

export type Address = {
  fullName: string
  line1: string
  city: string
  zipCode: string
  countryCode: string
  phone: string
}

export type OrderDetails = OrderSummary & {
  customerEmail: string | null
  customerId: string | null
  subtotalCents: number
  shippingCents: number
  taxCents: number
  lines: { id: string; name: string; skuCode: string; quantity: number; totalCents: number; imageUrl: string | null }[]
  billingAddress: Address | null
  shippingAddress: Address | null
  shippingMethodName: string | null
  /** What Klarna authorized, in words ("Pay in 30 days"), when Commerce Layer reports it. */
  paymentDescription: string | null
  /** The order's payment source (its Klarna payment), to find it in the customer's wallet. */
  paymentSourceId: string | null
  /**
   * Paid with a saved source: its Klarna payment charged a customer token and never had a Klarna session
   * (a payment made through Klarna's widget always has one).
   */
  paidWithSavedSource: boolean
}

const orderSchema = z.object({
  id: z.string(),
  number: z.union([z.string(), z.number()]).nullish(),
  status: z.string(),
  placed_at: z.string().nullish(),
  currency_code: z.string().nullish(),
  customer_email: z.string().nullish(),
  total_amount_with_taxes_cents: z.number().int().nullish(),
  total_amount_cents: z.number().int().nullish(),
  subtotal_amount_cents: z.number().int().nullish(),
  shipping_amount_cents: z.number().int().nullish(),
  total_tax_amount_cents: z.number().int().nullish(),
  payment_source_details: z
    .object({ type: z.string().nullish(), payment_method_details: z.record(z.string(), z.unknown()).nullish() })
    .loose()
    .nullish(),
  customer: z.object({ id: z.string() }).nullish(),
  payment_method: z.object({ name: z.string().nullish(), payment_source_type: z.string().nullish() }).nullish(),
  payment_source: z.object({ id: z.string(), type: z.string().nullish(), session_id: z.string().nullish() }).nullish(),
  line_items: z.array(lineItemSchema).nullish(),
  billing_address: addressSchema.nullish(),
  shipping_address: addressSchema.nullish(),
  shipments: z.array(z.object({ shipping_method: z.object({ name: z.string() }).nullish() })).nullish(),
})

type ParsedOrder = z.infer<typeof orderSchema>

function toAddress(raw: z.infer<typeof addressSchema> | null | undefined): Address | null {
  if (!raw) return null
  return {
    fullName: raw.full_name ?? [raw.first_name, raw.last_name].filter(Boolean).join(' '),
    line1: raw.line_1,
    city: raw.city,
    zipCode: raw.zip_code ?? '',
    countryCode: raw.country_code,
    phone: raw.phone ?? '',
  }
}

function toSummary(order: ParsedOrder): OrderSummary {
  return {
    id: order.id,
    number: String(order.number ?? order.id),
    status: order.status,
    placedAt: order.placed_at ?? null,
    currency: order.currency_code ?? 'EUR',
    totalCents: order.total_amount_with_taxes_cents ?? order.total_amount_cents ?? 0,
    paymentSourceType: order.payment_method?.payment_source_type ?? order.payment_source_details?.type ?? null,
  }
}

const authorizedMethodSchema = z.object({
  type: z.string(),
  number_of_days: z.number().int().nullish(),
  number_of_installments: z.number().int().nullish(),
})

/** Klarna's `authorized_payment_method`, in the words a shopper knows from Klarna's dialog. */
export function describeKlarnaPlan(raw: unknown): string | null {
  const method = authorizedMethodSchema.safeParse(raw)
  if (!method.success) return null
  const { type, number_of_days: days, number_of_installments: installments } = method.data
  if (type === 'invoice') return days ? `Pay in ${days} days` : 'Pay later'
  if (type === 'fixed_amount' || type === 'base_account')
    return installments ? `Pay in ${installments} instalments` : 'Pay over time'
  if (type === 'direct_debit' || type === 'direct_bank_transfer' || type === 'card') return 'Pay now'
  return type.replaceAll('_', ' ').replace(/^\w/, (first) => first.toUpperCase())
}

function describePayment(order: ParsedOrder): string | null {
  return describeKlarnaPlan(order.payment_source_details?.payment_method_details?.authorized_payment_method)
}

const SUMMARY_FIELDS = [
  'number',
  'status',
  'placed_at',
  'currency_code',
  'total_amount_with_taxes_cents',
  'payment_source_details',
  'payment_method',
] as const

/** The signed-in customer's placed orders, newest first. A customer token lists only its own orders. */
export async function listCustomerOrders(customerClient: CommerceLayerClient): Promise<OrderSummary[]> {
  const orders = await customerClient.orders.list({
    filters: { status_in: 'placed,approved,cancelled' },
    include: ['payment_method'],
    fields: { orders: [...SUMMARY_FIELDS], payment_methods: ['name', 'payment_source_type'] },
    sort: { placed_at: 'desc' },
    pageSize: 25,
  })
  return orders.map((order) => toSummary(orderSchema.parse(order)))
}

/** What a receipt shows, as an `include`: the order's lines, addresses, delivery, payment and customer. */
export const ORDER_DETAILS_QUERY = {
  include: [
    'line_items',
    'billing_address',
    'shipping_address',
    'shipments.shipping_method',
    'payment_method',
    'payment_source',
    'customer',
  ],
} satisfies QueryParamsRetrieve<Order>

/**
 * Who may see an order: the customer it belongs to (`customerId`), or, for a guest order, the browser that
 * remembers placing it (`customerId` null). Never a cart, which is no one's to see as an order.
 */
export function isOrderVisibleTo(order: OrderDetails | null, customerId: string | null): order is OrderDetails {
  return order !== null && order.customerId === customerId && !isCartStatus(order.status)
}

/** One order with what a receipt shows, or null when this token may not see it (or it does not exist). */
export async function getOrderDetails(client: CommerceLayerClient, orderId: string): Promise<OrderDetails | null> {
  let raw: unknown
  try {
    raw = await client.orders.retrieve(orderId, ORDER_DETAILS_QUERY)
  } catch (error) {
    if (isNotFound(error)) return null
    throw error
  }
  return toOrderDetails(raw)
}

/** An order Commerce Layer answered with `ORDER_DETAILS_QUERY` (a read, or the `_place` itself), as a receipt reads it. */
export function toOrderDetails(raw: unknown): OrderDetails {
  const order = orderSchema.parse(raw)
  return {
    ...toSummary(order),
    customerEmail: order.customer_email ?? null,
    customerId: order.customer?.id ?? null,
    subtotalCents: order.subtotal_amount_cents ?? 0,
    shippingCents: order.shipping_amount_cents ?? 0,
    taxCents: order.total_tax_amount_cents ?? 0,
    lines: (order.line_items ?? [])
      .filter((line) => line.item_type === 'skus')
      .map((line) => ({
        id: line.id,
        name: line.name ?? line.sku_code ?? 'Item',
        skuCode: line.sku_code ?? '',
        quantity: line.quantity,
        totalCents: line.total_amount_cents ?? 0,
        imageUrl: line.image_url ?? null,
      })),
    billingAddress: toAddress(order.billing_address),
    shippingAddress: toAddress(order.shipping_address),
    shippingMethodName: order.shipments?.[0]?.shipping_method?.name ?? null,
    paymentDescription: describePayment(order),
    paymentSourceId: order.payment_source?.id ?? null,
    paidWithSavedSource: order.payment_source?.type === 'klarna_payments' && !order.payment_source.session_id,
  }
}

/** A status Commerce Layer gives an order once it is placed (`approved` follows `placed`). */
export const isPlacedStatus = (status: string | null): boolean => status === 'placed' || status === 'approved'

/**
 * One order's status, and nothing else: how a refused `_place` (or a second click racing the first) is
 * understood, since Commerce Layer documents the status, not its error's wording. Null when this token may
 * not see the order.
 */
export async function readOrderStatus(client: CommerceLayerClient, orderId: string): Promise<string | null> {
  try {
    const order = await client.orders.retrieve(orderId, { fields: { orders: ['status'] } })
    return z.object({ status: z.string() }).parse(order).status
  } catch (error) {
    if (isNotFound(error)) return null
    throw error
  }
}
