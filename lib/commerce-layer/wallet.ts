import { z } from 'zod'
import { savedSourceNameSchema } from './schemas'
import type { CommerceLayerClient } from './client'

/** A saved payment source in a customer's wallet, as the account pages and checkout show it. */
export type WalletEntry = {
  id: string
  name: string
  savedAt: string
}

const walletEntrySchema = z.object({
  id: z.string(),
  name: savedSourceNameSchema,
  created_at: z.string(),
})

function toWalletEntry(raw: unknown): WalletEntry {
  const entry = walletEntrySchema.parse(raw)
  return {
    id: entry.id,
    name: entry.name,
    savedAt: entry.created_at,
  }
}

/** The signed-in customer's saved payment sources, newest first (a customer token sees only its own). */
export async function listWalletEntries(customerClient: CommerceLayerClient): Promise<WalletEntry[]> {
  const entries = await customerClient.customer_payment_sources.list({
    sort: { created_at: 'desc' },
    pageSize: 25,
  })
  return entries.map(toWalletEntry)
}

/** Removes a saved source; Commerce Layer also cancels the Klarna customer token behind it. */
export async function removeWalletEntry(customerClient: CommerceLayerClient, id: string): Promise<void> {
  await customerClient.customer_payment_sources.delete(id)
}

const savedSourcesSchema = z.object({
  available_customer_payment_sources: z
    .array(z.object({ id: z.string(), name: savedSourceNameSchema, created_at: z.string() }))
    .nullish(),
})

/**
 * Step 1 of "Reusing the payment source": saves the order's Klarna payment source (its `auth_token` already
 * set) into the customer's wallet. Exactly the documented request:
 * `PATCH /api/orders/:id?include=available_customer_payment_sources` with
 * `{"_save_payment_source_to_customer_wallet": true}`. Answers the customer's saved sources for the order.
 */
export async function saveKlarnaToWallet(
  customerClient: CommerceLayerClient,
  orderId: string,
): Promise<{ id: string; name: string }[]> {
  const order = await customerClient.orders.update(
    { id: orderId, _save_payment_source_to_customer_wallet: true },
    { include: ['available_customer_payment_sources'] },
  )
  const parsed = savedSourcesSchema.parse(order)
  return (parsed.available_customer_payment_sources ?? []).map((source) => ({
    id: source.id,
    name: source.name,
  }))
}

/** Which wallet entry holds a given payment source (an order's Klarna payment), if any. */
export async function findWalletEntryForPaymentSource(
  customerClient: CommerceLayerClient,
  paymentSourceId: string,
): Promise<WalletEntry | null> {
  const entries = await customerClient.customer_payment_sources.list({ include: ['payment_source'], pageSize: 25 })
  const match = entries.find((entry) => entry.payment_source?.id === paymentSourceId)
  return match ? toWalletEntry(match) : null
}

const oneClickSchema = z.object({
  id: z.string(),
  status: z.string(),
  customer_email: z.string().nullish(),
  billing_address: z.object({ id: z.string() }).nullish(),
  shipping_address: z.object({ id: z.string() }).nullish(),
  shipments: z.array(z.object({ shipping_method: z.object({ id: z.string() }).nullish() })).nullish(),
  available_customer_payment_sources: z.array(z.object({ id: z.string() })).nullish(),
})

export type OneClickReadiness = {
  status: string
  /** The saved sources of the order's own customer that this order may be paid with. */
  availableSourceIds: string[]
  missing: ('email' | 'billing_address' | 'shipping_address' | 'shipping_method')[]
}

/** One request: is the order ready to be paid with a saved source, and which sources may pay for it. */
export async function getOneClickReadiness(
  customerClient: CommerceLayerClient,
  orderId: string,
): Promise<OneClickReadiness> {
  const order = oneClickSchema.parse(
    await customerClient.orders.retrieve(orderId, {
      include: [
        'available_customer_payment_sources',
        'billing_address',
        'shipping_address',
        'shipments.shipping_method',
      ],
      fields: {
        orders: [
          'status',
          'customer_email',
          'billing_address',
          'shipping_address',
          'shipments',
          'available_customer_payment_sources',
        ],
        customer_payment_sources: ['name'],
        addresses: ['city'],
        shipments: ['shipping_method'],
        shipping_methods: ['name'],
      },
    }),
  )
  const missing: OneClickReadiness['missing'] = []
  if (!order.customer_email) missing.push('email')
  if (!order.billing_address) missing.push('billing_address')
  if (!order.shipping_address) missing.push('shipping_address')
  if (!order.shipments?.some((shipment) => shipment.shipping_method)) missing.push('shipping_method')
  return {
    status: order.status,
    availableSourceIds: (order.available_customer_payment_sources ?? []).map((source) => source.id),
    missing,
  }
}

/**
 * Step 2 of "Reusing the payment source": pays the order with a saved source and places it, in one request
 * (`PATCH /api/orders/:id` with `_customer_payment_source_id`, and `_place`). Commerce Layer gives the order the
 * source's payment method and a Klarna payment bound to the saved customer token, then charges that token.
 */
export async function payWithSavedSource(
  customerClient: CommerceLayerClient,
  orderId: string,
  customerPaymentSourceId: string,
): Promise<void> {
  await customerClient.orders.update({
    id: orderId,
    _customer_payment_source_id: customerPaymentSourceId,
    _place: true,
  })
}
