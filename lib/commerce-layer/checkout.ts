import { z } from 'zod'
import { shippingCountries } from '@/lib/countries'
import { env } from '@/lib/env'
import { isCartStatus } from './cart'
import { isNotFound } from './errors'
import { klarnaCategoriesSchema, toKlarnaCategories, type KlarnaCategory } from './klarna-categories'
import { ORDER_DETAILS_QUERY, toOrderDetails, type OrderDetails } from './orders'
import { missingBeforePayment, type PaymentGap } from './payment-prerequisites'
import { addressSchema, lineItemSchema } from './schemas'
import { defaultEntryFirst, toWalletEntries } from './wallet'
import type { CommerceLayerClient } from './client'
import type { Order, QueryParamsRetrieve } from '@commercelayer/sdk'

/**
 * The order as checkout needs it, and the updates checkout makes: contact email, addresses, shipping method,
 * payment method, placing. Klarna's own calls are in klarna.ts; the wallet's in wallet.ts.
 */

export type CheckoutAddress = {
  firstName: string
  lastName: string
  line1: string
  city: string
  zipCode: string
  countryCode: string
  phone: string
}

export type CheckoutLine = {
  id: string
  itemType: string
  skuCode: string | null
  name: string
  imageUrl: string | null
  quantity: number
  unitCents: number
  totalCents: number
  taxCents: number
  /** 0.22 for 22 %. */
  taxRate: number
}

/** A way to deliver this order, at the price Commerce Layer charges for this order's shipment. */
export type ShippingOption = { id: string; name: string; priceCents: number }

export type Checkout = {
  id: string
  number: string
  status: string
  currency: string
  languageCode: string
  customerEmail: string | null
  customerId: string | null
  lines: CheckoutLine[]
  /** Every line item, shipping and payment costs included: what Klarna is told about. */
  allLines: CheckoutLine[]
  subtotalCents: number
  shippingCents: number
  taxCents: number
  totalCents: number
  billingAddress: CheckoutAddress | null
  shippingAddress: CheckoutAddress | null
  shipmentId: string | null
  shippingMethodId: string | null
  shippingOptions: ShippingOption[]
  klarnaPaymentMethodId: string | null
  paymentMethodId: string | null
  klarnaPayment: {
    id: string
    clientToken: string | null
    categories: KlarnaCategory[]
    mismatchedAmounts: boolean
    hasAuthToken: boolean
  } | null
  /** The countries checkout ships to: configured, or Klarna's for the order's currency (lib/countries.ts). */
  countries: string[]
  /**
   * The customer's saved sources this order can be paid with (none for a guest), one per Klarna customer
   * token: Commerce Layer may hold two sources for one token (a save sent twice), which are one Klarna account.
   */
  savedSources: { id: string; name: string }[]
  /**
   * The addresses in the order's customer's address book, newest first (address ids, what
   * `_billing_address_clone_id` takes); read only when asked for (`getCheckout`'s `withSavedAddresses`), else empty.
   */
  savedAddressIds: string[]
}

// `price_amount_for_shipment_cents` is the price for the shipment it is listed under (a free-over threshold
// applied); `price_amount_cents` is the method's list price, which is not what the order is charged.
const methodSchema = z.object({
  id: z.string(),
  name: z.string(),
  price_amount_for_shipment_cents: z.number().int().nullish(),
})

const checkoutSchema = z.object({
  id: z.string(),
  number: z.union([z.string(), z.number()]).nullish(),
  status: z.string(),
  currency_code: z.string().nullish(),
  language_code: z.string().nullish(),
  customer_email: z.string().nullish(),
  subtotal_amount_cents: z.number().int().nullish(),
  shipping_amount_cents: z.number().int().nullish(),
  total_tax_amount_cents: z.number().int().nullish(),
  total_amount_with_taxes_cents: z.number().int().nullish(),
  customer: z
    .object({
      id: z.string(),
      customer_addresses: z
        .array(z.object({ created_at: z.string(), address: z.object({ id: z.string() }).nullish() }))
        .nullish(),
    })
    .nullish(),
  line_items: z.array(lineItemSchema).nullish(),
  billing_address: addressSchema.nullish(),
  shipping_address: addressSchema.nullish(),
  shipments: z
    .array(
      z.object({
        id: z.string(),
        shipping_method: methodSchema.nullish(),
        available_shipping_methods: z.array(methodSchema).nullish(),
      }),
    )
    .nullish(),
  available_payment_methods: z.array(z.object({ id: z.string(), payment_source_type: z.string() })).nullish(),
  payment_method: z.object({ id: z.string() }).nullish(),
  /** Parsed as the wallet parses them (wallet.ts, toWalletEntries). */
  available_customer_payment_sources: z.array(z.unknown()).nullish(),
  payment_source: z
    .object({
      id: z.string(),
      type: z.string(),
      client_token: z.string().nullish(),
      auth_token: z.string().nullish(),
      mismatched_amounts: z.boolean().nullish(),
      payment_methods: klarnaCategoriesSchema,
    })
    .nullish(),
})

const CHECKOUT_QUERY = {
  include: [
    'customer',
    'line_items',
    'billing_address',
    'shipping_address',
    'shipments.shipping_method',
    'shipments.available_shipping_methods',
    'available_payment_methods',
    'payment_method',
    'payment_source',
    'available_customer_payment_sources',
  ],
} satisfies QueryParamsRetrieve<Order>

function toAddress(raw: z.infer<typeof addressSchema> | null | undefined): CheckoutAddress | null {
  if (!raw) return null
  return {
    firstName: raw.first_name ?? '',
    lastName: raw.last_name ?? '',
    line1: raw.line_1,
    city: raw.city,
    zipCode: raw.zip_code ?? '',
    countryCode: raw.country_code,
    phone: raw.phone ?? '',
  }
}

function toLine(line: z.infer<typeof lineItemSchema>): CheckoutLine {
  return {
    id: line.id,
    itemType: line.item_type ?? 'skus',
    skuCode: line.sku_code ?? null,
    name: line.name ?? line.sku_code ?? 'Item',
    imageUrl: line.image_url ?? null,
    quantity: line.quantity,
    unitCents: line.unit_amount_cents ?? 0,
    totalCents: line.total_amount_cents ?? 0,
    taxCents: line.tax_amount_cents ?? 0,
    taxRate: line.tax_rate ?? 0,
  }
}

/** The open order behind the cart, with everything checkout shows; null when it is gone, placed or not ours. */
/**
 * The order as checkout shows it. `withSavedAddresses` also includes the customer's address book
 * (`customer.customer_addresses.address`), for the first read of a signed-in customer's checkout, which starts
 * the order from it (checkout-start.ts) without a request of its own.
 */
export async function getCheckout(
  client: CommerceLayerClient,
  orderId: string,
  { withSavedAddresses = false } = {},
): Promise<Checkout | null> {
  let raw: unknown
  try {
    raw = await client.orders.retrieve(
      orderId,
      withSavedAddresses
        ? { ...CHECKOUT_QUERY, include: [...CHECKOUT_QUERY.include, 'customer.customer_addresses.address'] }
        : CHECKOUT_QUERY,
    )
  } catch (error) {
    if (isNotFound(error)) return null
    throw error
  }
  return toCheckout(raw, env().shippingCountries)
}

/** Commerce Layer's order, as checkout shows it; null unless it is still open (`draft`, `pending`). */
export function toCheckout(raw: unknown, configuredCountries: readonly string[] | null): Checkout | null {
  const order = checkoutSchema.parse(raw)
  if (!isCartStatus(order.status)) return null
  const shipment = order.shipments?.[0]
  const klarnaMethod = order.available_payment_methods?.find(
    (method) => method.payment_source_type === 'klarna_payments',
  )
  const source = order.payment_source?.type === 'klarna_payments' ? order.payment_source : null
  const allLines = (order.line_items ?? []).map(toLine)
  const currency = order.currency_code ?? 'EUR'
  return {
    id: order.id,
    number: String(order.number ?? order.id),
    status: order.status,
    currency,
    languageCode: order.language_code ?? 'en',
    customerEmail: order.customer_email ?? null,
    customerId: order.customer?.id ?? null,
    lines: allLines.filter((line) => line.itemType === 'skus'),
    allLines,
    subtotalCents: order.subtotal_amount_cents ?? 0,
    shippingCents: order.shipping_amount_cents ?? 0,
    taxCents: order.total_tax_amount_cents ?? 0,
    totalCents: order.total_amount_with_taxes_cents ?? 0,
    billingAddress: toAddress(order.billing_address),
    shippingAddress: toAddress(order.shipping_address),
    shipmentId: shipment?.id ?? null,
    shippingMethodId: shipment?.shipping_method?.id ?? null,
    shippingOptions: (shipment?.available_shipping_methods ?? []).map((method) => ({
      id: method.id,
      name: method.name,
      priceCents: method.price_amount_for_shipment_cents ?? 0,
    })),
    klarnaPaymentMethodId: klarnaMethod?.id ?? null,
    paymentMethodId: order.payment_method?.id ?? null,
    klarnaPayment: source
      ? {
          id: source.id,
          clientToken: source.client_token ?? null,
          categories: toKlarnaCategories(source.payment_methods),
          mismatchedAmounts: source.mismatched_amounts ?? false,
          hasAuthToken: Boolean(source.auth_token),
        }
      : null,
    countries: shippingCountries(configuredCountries, currency),
    // One per Klarna account, as the wallet page lists them, the default first: the one the compact checkout offers.
    savedSources: defaultEntryFirst(toWalletEntries(order.available_customer_payment_sources ?? [])).map(
      ({ id, name }) => ({ id, name }),
    ),
    savedAddressIds: [...(order.customer?.customer_addresses ?? [])]
      .sort((a, b) => b.created_at.localeCompare(a.created_at))
      .flatMap((entry) => (entry.address ? [entry.address.id] : [])),
  }
}

/** What is still missing before the order can be paid for. */
export function missingForPayment(checkout: Checkout): PaymentGap[] {
  return missingBeforePayment({
    email: Boolean(checkout.customerEmail),
    billingAddress: Boolean(checkout.billingAddress),
    shippingAddress: Boolean(checkout.shippingAddress),
    shippingMethod: Boolean(checkout.shippingMethodId),
  })
}

export async function setCustomerEmail(client: CommerceLayerClient, orderId: string, email: string): Promise<void> {
  await client.orders.update({ id: orderId, customer_email: email })
}

function addressAttributes(address: CheckoutAddress) {
  return {
    first_name: address.firstName,
    last_name: address.lastName,
    line_1: address.line1,
    city: address.city,
    zip_code: address.zipCode,
    country_code: address.countryCode,
    phone: address.phone,
  }
}

/**
 * Gives the order new addresses. With `shipping` null the shipping address is the billing one
 * (`_shipping_address_same_as_billing`). For a signed-in customer, `saveToAddressBook` asks Commerce Layer to
 * keep them in the customer's address book when the order is placed, so the next checkout starts from them.
 */
export async function setAddresses(
  client: CommerceLayerClient,
  orderId: string,
  billing: CheckoutAddress,
  shipping: CheckoutAddress | null,
  { saveToAddressBook }: { saveToAddressBook: boolean },
): Promise<void> {
  const billingAddress = await client.addresses.create(addressAttributes(billing))
  const shippingAddress = shipping ? await client.addresses.create(addressAttributes(shipping)) : null
  await client.orders.update({
    id: orderId,
    billing_address: client.addresses.relationship(billingAddress.id),
    ...(shippingAddress
      ? { shipping_address: client.addresses.relationship(shippingAddress.id) }
      : { _shipping_address_same_as_billing: true }),
    ...(saveToAddressBook
      ? { _save_billing_address_to_customer_address_book: true, _save_shipping_address_to_customer_address_book: true }
      : {}),
  })
}

export async function selectShippingMethod(
  client: CommerceLayerClient,
  shipmentId: string,
  shippingMethodId: string,
): Promise<void> {
  await client.shipments.update({
    id: shipmentId,
    shipping_method: client.shipping_methods.relationship(shippingMethodId),
  })
}

export async function selectPaymentMethod(
  client: CommerceLayerClient,
  orderId: string,
  paymentMethodId: string,
): Promise<void> {
  await client.orders.update({ id: orderId, payment_method: client.payment_methods.relationship(paymentMethodId) })
}

/**
 * Places the order. Commerce Layer authorizes the payment and answers 422 when anything is missing. The answer
 * includes what the confirmation shows, so that page needs no read of its own (lib/confirmation-handover.ts).
 */
export async function placeOrder(client: CommerceLayerClient, orderId: string): Promise<OrderDetails> {
  return toOrderDetails(await client.orders.update({ id: orderId, _place: true }, ORDER_DETAILS_QUERY))
}
