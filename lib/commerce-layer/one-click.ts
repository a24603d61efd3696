import { z } from 'zod'
import { placeOrder } from './checkout'
import { describeCommerceLayerError } from './errors'
import { missingBeforePayment, type PaymentGap } from './payment-prerequisites'
import type { CommerceLayerClient } from './client'
import type { OrderDetails } from './orders'
import type { Order, QueryParamsRetrieve } from '@commercelayer/sdk'

/**
 * Paying with a saved source, as "Reusing the payment source" documents it and Commerce Layer's own components
 * do it: the association on its own, `PATCH /api/orders/:id {_customer_payment_source_id}`, then the existing
 * `placeOrder` (checkout.ts), `PATCH {_place: true}`. Two requests up to placing: the association's answer
 * (its `include`) is the check that the order is complete, that the source is the order's customer's own, and
 * that the order now carries it. Checkout's one click and a product page's "Buy now" share these functions.
 */

export type SavedSourceAssociation = {
  status: string
  /** The saved sources of the order's own customer that this order may be paid with. */
  availableSourceIds: string[]
  missing: PaymentGap[]
  /** The order's payment source and method after the association: both Klarna when the saved source took. */
  paymentSourceType: string | null
  paymentMethodSourceType: string | null
}

const associationSchema = z.object({
  status: z.string(),
  customer_email: z.string().nullish(),
  billing_address: z.object({ id: z.string() }).nullish(),
  shipping_address: z.object({ id: z.string() }).nullish(),
  shipments: z.array(z.object({ shipping_method: z.object({ id: z.string() }).nullish() })).nullish(),
  available_customer_payment_sources: z.array(z.object({ id: z.string() })).nullish(),
  payment_method: z.object({ payment_source_type: z.string().nullish() }).nullish(),
  payment_source: z.object({ type: z.string() }).nullish(),
})

const ASSOCIATION_QUERY = {
  include: [
    'available_customer_payment_sources',
    'billing_address',
    'shipping_address',
    'shipments.shipping_method',
    'payment_method',
    'payment_source',
  ],
  fields: {
    orders: [
      'status',
      'customer_email',
      'billing_address',
      'shipping_address',
      'shipments',
      'available_customer_payment_sources',
      'payment_method',
      'payment_source',
    ],
    customer_payment_sources: ['name'],
    addresses: ['city'],
    shipments: ['shipping_method'],
    shipping_methods: ['name'],
    payment_methods: ['payment_source_type'],
  },
} satisfies QueryParamsRetrieve<Order>

/**
 * Step 2 of "Reusing the payment source", exactly the documented request:
 * `PATCH /api/orders/:id {_customer_payment_source_id}`. Commerce Layer gives the order the source's payment
 * method and a payment bound to the saved Klarna customer token. Answers what the caller must check before
 * placing (see `decideOneClick`).
 */
export async function associateSavedSource(
  customerClient: CommerceLayerClient,
  orderId: string,
  customerPaymentSourceId: string,
): Promise<SavedSourceAssociation> {
  const order = associationSchema.parse(
    await customerClient.orders.update(
      { id: orderId, _customer_payment_source_id: customerPaymentSourceId },
      ASSOCIATION_QUERY,
    ),
  )
  return {
    status: order.status,
    availableSourceIds: (order.available_customer_payment_sources ?? []).map((source) => source.id),
    missing: missingBeforePayment({
      email: Boolean(order.customer_email),
      billingAddress: Boolean(order.billing_address),
      shippingAddress: Boolean(order.shipping_address),
      shippingMethod: Boolean(order.shipments?.some((shipment) => shipment.shipping_method)),
    }),
    paymentSourceType: order.payment_source?.type ?? null,
    paymentMethodSourceType: order.payment_method?.payment_source_type ?? null,
  }
}

/** Takes a payment source off an order (one a check refused), so that nothing can place the order with it. */
export async function detachPaymentSource(customerClient: CommerceLayerClient, orderId: string): Promise<void> {
  await customerClient.orders.update({ id: orderId, _nullify_payment_source: true })
}

export type OneClickDecision =
  | { next: 'place' }
  | { next: 'already-placed' }
  /** Not one of the order's customer's own sources (another customer's, or removed): it never pays. */
  | { next: 'refuse'; reason: 'not-in-wallet' }
  | { next: 'refuse'; reason: 'incomplete'; missing: PaymentGap[] }
  /** Commerce Layer answered without a Klarna payment on the order: placing would not charge the saved source. */
  | { next: 'refuse'; reason: 'not-attached' }

/** Whether the order may now be placed with the saved source `sourceId`, from the association's answer. */
export function decideOneClick(association: SavedSourceAssociation, sourceId: string): OneClickDecision {
  if (association.status === 'placed' || association.status === 'approved') return { next: 'already-placed' }
  if (!association.availableSourceIds.includes(sourceId)) return { next: 'refuse', reason: 'not-in-wallet' }
  if (association.missing.length > 0) return { next: 'refuse', reason: 'incomplete', missing: association.missing }
  if (association.paymentSourceType !== 'klarna_payments' || association.paymentMethodSourceType !== 'klarna_payments')
    return { next: 'refuse', reason: 'not-attached' }
  return { next: 'place' }
}

export type SavedSourcePayment =
  | { outcome: 'placed'; order: OrderDetails }
  /** An earlier click placed it: the same answer as that click, never a second order. */
  | { outcome: 'already-placed' }
  | { outcome: 'incomplete'; missing: PaymentGap[] }
  | {
      outcome: 'refused'
      /**
       * `not-in-wallet`: not the order's customer's own source (anyone else's, or removed meanwhile);
       * `not-attached`: Commerce Layer answered without a Klarna payment on the order; `declined`: the order was
       * complete and carried the source, and `_place` was refused: Klarna declined the customer token.
       */
      reason: 'not-in-wallet' | 'not-attached' | 'declined'
      /** Commerce Layer refused a request (a 422), which a click racing an earlier one also meets. */
      byCommerceLayer: boolean
    }

export type SavedSourceRefusal = Extract<SavedSourcePayment, { outcome: 'refused' }>['reason']

/**
 * The whole payment with a saved source, for checkout's one click and Buy now alike: the association, the check of
 * its answer, then `_place`. A refused source is taken off the order again, so nothing can place with it. What
 * Commerce Layer's 422 means is read from the step that met it, never from its wording (which it does not
 * document): at the association, the source is not this customer's; at `_place`, after an answer showing the
 * order complete and carrying the source, Klarna declined the token. Anything else (a 429, a 404, no answer) is
 * thrown for the caller to say in words.
 */
export async function payWithSavedSource(
  customerClient: CommerceLayerClient,
  orderId: string,
  customerPaymentSourceId: string,
): Promise<SavedSourcePayment> {
  let association: SavedSourceAssociation
  try {
    association = await associateSavedSource(customerClient, orderId, customerPaymentSourceId)
  } catch (error) {
    if (describeCommerceLayerError(error)?.status === 422)
      return { outcome: 'refused', reason: 'not-in-wallet', byCommerceLayer: true }
    throw error
  }
  const decision = decideOneClick(association, customerPaymentSourceId)
  if (decision.next === 'already-placed') return { outcome: 'already-placed' }
  if (decision.next === 'refuse' && decision.reason === 'incomplete')
    return { outcome: 'incomplete', missing: decision.missing }
  if (decision.next === 'refuse') {
    try {
      await detachPaymentSource(customerClient, orderId)
    } catch (error) {
      console.error('Detaching a refused saved source failed:', error)
    }
    return { outcome: 'refused', reason: decision.reason, byCommerceLayer: false }
  }
  try {
    return { outcome: 'placed', order: await placeOrder(customerClient, orderId) }
  } catch (error) {
    if (describeCommerceLayerError(error)?.status === 422)
      return { outcome: 'refused', reason: 'declined', byCommerceLayer: true }
    throw error
  }
}
