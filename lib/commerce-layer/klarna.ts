import { z } from 'zod'
import { klarnaCategoriesSchema, toKlarnaCategories, type KlarnaCategory } from './klarna-categories'
import type { Checkout, CheckoutAddress } from './checkout'
import type { CommerceLayerClient } from './client'

/**
 * Klarna through Commerce Layer. The storefront never calls Klarna's REST API: Commerce Layer opens the Klarna
 * session when a klarna_payment is created, and creates the Klarna order when the order is placed. The browser
 * talks to Klarna only through Klarna's library, with the session's client token.
 */

export type { KlarnaCategory }

export type KlarnaSession = { paymentId: string; clientToken: string; categories: KlarnaCategory[] }

const createdSchema = z.object({ id: z.string(), client_token: z.string(), payment_methods: klarnaCategoriesSchema })

/**
 * Creates the order's Klarna payment: Commerce Layer opens a Klarna session for the order's current total
 * and makes the payment the order's payment source. Created as late as possible, once the order is otherwise
 * complete, and again whenever the cart changes afterwards.
 */
export async function createKlarnaPayment(client: CommerceLayerClient, orderId: string): Promise<KlarnaSession> {
  const payment = createdSchema.parse(
    await client.klarna_payments.create({ order: client.orders.relationship(orderId) }),
  )
  return {
    paymentId: payment.id,
    clientToken: payment.client_token,
    categories: toKlarnaCategories(payment.payment_methods),
  }
}

/** Hands Commerce Layer the authorization token Klarna's `authorize` callback gave the browser. */
export async function sendKlarnaAuthorization(
  client: CommerceLayerClient,
  klarnaPaymentId: string,
  authorizationToken: string,
): Promise<void> {
  await client.klarna_payments.update({ id: klarnaPaymentId, auth_token: authorizationToken })
}

/** What `Klarna.Payments.authorize(options, data)` is given: the order as Commerce Layer describes it to Klarna. */
export type KlarnaAuthorizeData = {
  purchase_country: string
  purchase_currency: string
  locale: string
  order_amount: number
  order_tax_amount: number
  order_lines: {
    type: 'physical' | 'shipping_fee' | 'surcharge'
    reference?: string
    name: string
    quantity: number
    unit_price: number
    tax_rate: number
    total_amount: number
    total_tax_amount: number
  }[]
  billing_address?: KlarnaAddress
  shipping_address?: KlarnaAddress
}

type KlarnaAddress = {
  given_name: string
  family_name: string
  email: string
  street_address: string
  postal_code: string
  city: string
  phone?: string
  country: string
}

const LINE_TYPES: Record<string, KlarnaAuthorizeData['order_lines'][number]['type']> = {
  skus: 'physical',
  shipments: 'shipping_fee',
  payment_methods: 'surcharge',
}

function klarnaAddress(address: CheckoutAddress, email: string): KlarnaAddress {
  return {
    given_name: address.firstName,
    family_name: address.lastName,
    email,
    street_address: address.line1,
    postal_code: address.zipCode,
    city: address.city,
    ...(address.phone ? { phone: address.phone } : {}),
    country: address.countryCode,
  }
}

/**
 * The order's amounts, lines, addresses and email, in Klarna's terms, matching what Commerce Layer sent
 * Klarna when it opened the session (Klarna refuses an order whose data differs from what was authorized).
 */
export function klarnaAuthorizeData(checkout: Checkout): KlarnaAuthorizeData {
  const country = checkout.billingAddress?.countryCode ?? checkout.shippingAddress?.countryCode ?? 'IT'
  const lines = checkout.allLines
    .filter((line) => line.itemType in LINE_TYPES && (line.itemType !== 'payment_methods' || line.totalCents > 0))
    .map((line) => ({
      type: LINE_TYPES[line.itemType] as KlarnaAuthorizeData['order_lines'][number]['type'],
      ...(line.skuCode ? { reference: line.skuCode } : {}),
      name: line.name,
      quantity: line.quantity,
      unit_price: line.unitCents,
      tax_rate: Math.round(line.taxRate * 10_000),
      total_amount: line.totalCents,
      total_tax_amount: line.taxCents,
    }))
  const email = checkout.customerEmail ?? ''
  return {
    purchase_country: country,
    purchase_currency: checkout.currency,
    locale: `${checkout.languageCode}-${country}`,
    order_amount: lines.reduce((total, line) => total + line.total_amount, 0),
    order_tax_amount: lines.reduce((total, line) => total + line.total_tax_amount, 0),
    order_lines: lines,
    ...(checkout.billingAddress ? { billing_address: klarnaAddress(checkout.billingAddress, email) } : {}),
    ...(checkout.shippingAddress ? { shipping_address: klarnaAddress(checkout.shippingAddress, email) } : {}),
  }
}
