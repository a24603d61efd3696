'use server'

import { z } from 'zod'
import type { KlarnaPlacedOrder, KlarnaSession } from '@/components/klarna'
import { failed, succeeded, type ActionResult } from '@/components/ui/action-state'
import {
  getCheckout,
  missingForPayment,
  placeOrder,
  selectPaymentMethod,
  selectShippingMethod,
  setAddresses,
  setCustomerEmail,
  type Checkout,
  type CheckoutAddress,
} from '@/lib/commerce-layer/checkout'
import { describeCommerceLayerError, isRateLimited } from '@/lib/commerce-layer/errors'
import { createKlarnaPayment, klarnaAuthorizeData, sendKlarnaAuthorization } from '@/lib/commerce-layer/klarna'
import { saveKlarnaToWallet } from '@/lib/commerce-layer/wallet'
import { handOverToConfirmation } from '@/lib/confirmation-handover'
import {
  CART_GONE,
  FIX_HIGHLIGHTED_FIELDS,
  KLARNA_NOT_FOR_THIS_ORDER,
  STORE_BUSY,
  STORE_UNAVAILABLE,
} from '@/lib/messages'
import { currentShopper, readCartId, type Shopper } from '@/lib/shopper'
import { ADDRESS_FIELDS, addressSchema, emailSchema, type CheckoutField } from './checkout-form-schema'
import { finishIfPlaced, finishPlacedOrder } from './placed-order'

// Server actions are public endpoints. Each one works on the order this browser's cart cookie points at
// (never an order id sent by the client), with the token of whoever is signed in.

async function openCheckout(): Promise<{ shopper: Shopper; checkout: Checkout } | null> {
  const cartId = await readCartId()
  if (!cartId) return null
  const shopper = await currentShopper()
  const checkout = await getCheckout(shopper.client, cartId)
  return checkout ? { shopper, checkout } : null
}

function readAddress(formData: FormData, prefix: 'billing' | 'shipping'): Record<string, string> {
  return Object.fromEntries(ADDRESS_FIELDS.map((field) => [field, String(formData.get(`${prefix}.${field}`) ?? '')]))
}

export type DetailsState = ActionResult<CheckoutField>

/** Contact email, addresses and shipping method, checked with zod, then set on the order. */
export async function saveCheckoutDetailsAction(_previous: DetailsState, formData: FormData): Promise<DetailsState> {
  const values: NonNullable<DetailsState['values']> = {}
  for (const [name, value] of formData.entries())
    if (typeof value === 'string' && !name.startsWith('$')) values[name as CheckoutField] = value

  let opened
  try {
    opened = await openCheckout()
  } catch (error) {
    if (isRateLimited(error)) return failed(STORE_BUSY, { values })
    console.error('Checkout could not load the order:', error)
    return failed(STORE_UNAVAILABLE, { values })
  }
  if (!opened) return failed(CART_GONE, { values })
  const { shopper, checkout } = opened

  const fieldErrors: NonNullable<DetailsState['fieldErrors']> = {}
  const email = shopper.customer ? shopper.customer.email : String(formData.get('email') ?? '').trim()
  const parsedEmail = emailSchema.safeParse(email)
  if (!parsedEmail.success) fieldErrors.email = parsedEmail.error.issues[0]?.message

  const schema = addressSchema(checkout.countries)
  const billing = schema.safeParse(readAddress(formData, 'billing'))
  if (!billing.success)
    for (const issue of billing.error.issues)
      fieldErrors[`billing.${issue.path[0] as (typeof ADDRESS_FIELDS)[number]}`] ??= issue.message
  const sameAsBilling = formData.get('shippingSameAsBilling') === 'on'
  const shipping = sameAsBilling ? null : schema.safeParse(readAddress(formData, 'shipping'))
  if (shipping && !shipping.success) {
    for (const issue of shipping.error.issues)
      fieldErrors[`shipping.${issue.path[0] as (typeof ADDRESS_FIELDS)[number]}`] ??= issue.message
  }
  const shippingMethodId = String(formData.get('shippingMethodId') ?? '')
  if (!checkout.shippingOptions.some((option) => option.id === shippingMethodId))
    fieldErrors.shippingMethodId = 'Choose how we should deliver.'

  if (Object.keys(fieldErrors).length > 0 || !billing.success || (shipping && !shipping.success)) {
    return failed(FIX_HIGHLIGHTED_FIELDS, { fieldErrors, values })
  }

  const { client } = shopper
  try {
    if (checkout.customerEmail !== email) await setCustomerEmail(client, checkout.id, email)
    await setAddresses(
      client,
      checkout.id,
      billing.data as CheckoutAddress,
      shipping?.success ? (shipping.data as CheckoutAddress) : null,
      {
        saveToAddressBook: shopper.customer !== null,
      },
    )
    if (checkout.shipmentId && checkout.shippingMethodId !== shippingMethodId) {
      await selectShippingMethod(client, checkout.shipmentId, shippingMethodId)
    }
    if (checkout.klarnaPaymentMethodId && checkout.paymentMethodId !== checkout.klarnaPaymentMethodId) {
      await selectPaymentMethod(client, checkout.id, checkout.klarnaPaymentMethodId)
    }
  } catch (error) {
    const problem = describeCommerceLayerError(error)
    if (problem?.status === 429) return failed(STORE_BUSY, { fieldErrors, values })
    if (problem?.status === 422) {
      return failed('Some details could not be saved. Please check them and try again.', { fieldErrors, values })
    }
    console.error('Saving checkout details failed:', error)
    return failed(STORE_UNAVAILABLE, { fieldErrors, values })
  }
  return succeeded('Details saved. Now pay with Klarna.', { values })
}

/**
 * The Klarna session for the widget, created as late as possible: once the order is otherwise complete. An
 * existing session is reused unless the cart changed after it was opened (`mismatched_amounts`, or Commerce
 * Layer nullified it) or it was already authorized, in which case a new one replaces it.
 */
export async function prepareKlarnaPaymentAction(): Promise<ActionResult<never, KlarnaSession>> {
  try {
    const opened = await openCheckout()
    if (!opened) return failed(CART_GONE)
    const { shopper, checkout } = opened
    if (missingForPayment(checkout).length > 0) return failed('Fill in your details first.')
    if (!checkout.klarnaPaymentMethodId) return failed(KLARNA_NOT_FOR_THIS_ORDER)
    const switchedToKlarna = checkout.paymentMethodId !== checkout.klarnaPaymentMethodId
    if (switchedToKlarna) await selectPaymentMethod(shopper.client, checkout.id, checkout.klarnaPaymentMethodId)

    // Choosing the payment method drops the Klarna payment the order had (Commerce Layer nullifies it).
    const existing = switchedToKlarna ? null : checkout.klarnaPayment
    const reusable = existing?.clientToken && !existing.mismatchedAmounts && !existing.hasAuthToken
    const session = reusable
      ? { clientToken: existing.clientToken as string, categories: existing.categories }
      : await createKlarnaPayment(shopper.client, checkout.id)
    const category = session.categories[0]
    if (!category) return failed(KLARNA_NOT_FOR_THIS_ORDER)
    // The authorize data must describe the order exactly as Commerce Layer described it to Klarna; only choosing
    // the payment method (a possible surcharge line) can have changed it since it was read.
    const current = switchedToKlarna ? ((await getCheckout(shopper.client, checkout.id)) ?? checkout) : checkout
    return succeeded('', {
      data: { clientToken: session.clientToken, category, authorizeData: klarnaAuthorizeData(current) },
    })
  } catch (error) {
    const problem = describeCommerceLayerError(error)
    if (problem?.status === 429) return failed(STORE_BUSY)
    if (problem?.status === 422) return failed(KLARNA_NOT_FOR_THIS_ORDER)
    console.error('Preparing the Klarna payment failed:', error)
    return failed(STORE_UNAVAILABLE)
  }
}

type PayWithKlarnaResult = ActionResult<never, KlarnaPlacedOrder>

const payInput = z.object({ authorizationToken: z.string().trim().min(1).max(255), saveToWallet: z.boolean() })

/**
 * After Klarna approved: sends the authorization token, places the order, and (for a signed-in customer who
 * asked for it) saves the Klarna payment source to the wallet, in that order, as Commerce Layer's own
 * components do. A failed save never undoes or hides the placed order.
 */
export async function payWithKlarnaAction(input: {
  authorizationToken: string
  saveToWallet: boolean
}): Promise<PayWithKlarnaResult> {
  const parsed = payInput.safeParse(input)
  if (!parsed.success) return failed('Klarna did not approve this payment. Please try again.')
  const cartId = await readCartId()
  if (!cartId) return failed(CART_GONE)

  const shopper = await currentShopper()
  let checkout: Checkout | null
  try {
    checkout = await getCheckout(shopper.client, cartId)
  } catch (error) {
    if (isRateLimited(error)) return failed(STORE_BUSY)
    console.error('Checkout could not load the order:', error)
    return failed(STORE_UNAVAILABLE)
  }
  // Placed already, by an earlier click of this same shopper: answer as that click did.
  if (!checkout) return (await placedMeanwhile(shopper, cartId)) ?? failed(CART_GONE)
  if (!checkout.klarnaPayment)
    return failed('Your cart changed. Please confirm with Klarna again.', { next: 'authorize-again' })

  try {
    await sendKlarnaAuthorization(shopper.client, checkout.klarnaPayment.id, parsed.data.authorizationToken)
    handOverToConfirmation(await placeOrder(shopper.client, checkout.id))
  } catch (error) {
    // A refused `_place` may be a second click's, after the first placed the order: the order's status says.
    const placed = await placedMeanwhile(shopper, checkout.id)
    if (placed) return placed
    const problem = describeCommerceLayerError(error)
    if (problem?.status === 423) return failed('This order is being placed. Please wait a moment.')
    if (problem?.status === 422 && problem.all.some((detail) => detail.attribute === 'payment_source')) {
      return failed('Klarna needs to confirm this payment again (your cart changed, or the approval expired).', {
        next: 'authorize-again',
      })
    }
    // Not placed: the cart stays, and the same click works once the rate limit lets it through.
    if (problem?.status === 429) return failed(STORE_BUSY)
    if (problem?.status === 422) return failed("This order can't be placed yet. Please check your details.")
    console.error('Placing the order failed:', error)
    return failed(STORE_UNAVAILABLE)
  }

  await finishPlacedOrder(checkout.id)

  let walletSaveFailed = false
  if (parsed.data.saveToWallet && shopper.customer) {
    try {
      await saveKlarnaToWallet(shopper.client, checkout.id)
    } catch (error) {
      console.error('Saving Klarna to the wallet failed (the order is placed):', error)
      walletSaveFailed = true
    }
  }
  return succeeded('', { data: { orderId: checkout.id, walletSaveFailed } })
}

/** When a click arrives after an earlier one placed the order: the same answer, not a second order. */
async function placedMeanwhile(shopper: Shopper, orderId: string): Promise<PayWithKlarnaResult | null> {
  try {
    if (await finishIfPlaced(shopper.client, orderId))
      return succeeded('', { data: { orderId, walletSaveFailed: false } })
  } catch (error) {
    console.error('Reading the order back failed:', error)
  }
  return null
}
