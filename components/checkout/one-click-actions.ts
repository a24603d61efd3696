'use server'

import { redirect } from 'next/navigation'
import { z } from 'zod'
import { failed, type ActionResult } from '@/components/ui/action-state'
import { currentCustomer } from '@/lib/auth/session'
import { commerceLayerClient, type CommerceLayerClient } from '@/lib/commerce-layer/client'
import { describeCommerceLayerError } from '@/lib/commerce-layer/errors'
import { payWithSavedSource, type SavedSourceRefusal } from '@/lib/commerce-layer/one-click'
import type { PaymentGap } from '@/lib/commerce-layer/payment-prerequisites'
import { resourceIdSchema } from '@/lib/commerce-layer/schemas'
import { handOverToConfirmation } from '@/lib/confirmation-handover'
import { CART_GONE, STORE_BUSY, STORE_UNAVAILABLE } from '@/lib/messages'
import { readCartId } from '@/lib/shopper'
import { finishIfPlaced, finishPlacedOrder } from './placed-order'

const sourceSchema = z.object({ sourceId: resourceIdSchema })

const MISSING_WORDS: Record<PaymentGap, string> = {
  email: 'your email',
  billing_address: 'a billing address',
  shipping_address: 'a shipping address',
  shipping_method: 'a delivery option',
}

const SOURCE_NOT_IN_WALLET = 'That saved Klarna is no longer in your wallet. Pay with another Klarna account below.'

/** What the shopper reads when the saved source cannot pay, and the way on: Klarna's widget, below. */
const REFUSED_WORDS: Record<SavedSourceRefusal, string> = {
  'not-in-wallet': SOURCE_NOT_IN_WALLET,
  'not-attached': "Your saved Klarna can't pay for this order. Pay with another Klarna account below.",
  declined:
    'Klarna declined this saved account (it may have been cancelled). Your cart is still here: pay with another Klarna account below.',
}

/**
 * One click on a saved Klarna source: the whole payment. A public endpoint, so it checks the session, then pays
 * with the documented requests (lib/commerce-layer/one-click.ts, payWithSavedSource): the association, and
 * `_place` only when its answer shows the source is this customer's own, the order complete and carrying it.
 * Two Commerce Layer requests up to placing; a refused source keeps the cart and says so.
 */
export async function payWithSavedSourceAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const customer = await currentCustomer()
  if (!customer) return failed('Please sign in again to pay with your saved Klarna.')
  const input = sourceSchema.safeParse({ sourceId: formData.get('sourceId') })
  if (!input.success) return failed(SOURCE_NOT_IN_WALLET, { next: 'other-klarna' })
  const orderId = await readCartId()
  if (!orderId) return failed(CART_GONE)
  const client = commerceLayerClient(customer.accessToken)

  let payment
  try {
    payment = await payWithSavedSource(client, orderId, input.data.sourceId)
  } catch (error) {
    return (await settledElsewhere(client, orderId)) ?? explainOther(error)
  }
  switch (payment.outcome) {
    case 'placed':
      handOverToConfirmation(payment.order)
      return finishAndShow(orderId)
    case 'already-placed':
      return finishAndShow(orderId)
    case 'incomplete':
      return failed(`Add ${payment.missing.map((field) => MISSING_WORDS[field]).join(' and ')} above, then pay.`, {
        next: 'details',
      })
    case 'refused':
      // A refusal may be a second click's, after the first placed the order: the order's status says.
      if (payment.byCommerceLayer) {
        const settled = await settledElsewhere(client, orderId)
        if (settled) return settled
      }
      return failed(REFUSED_WORDS[payment.reason], { next: 'other-klarna' })
  }
}

async function finishAndShow(orderId: string): Promise<never> {
  await finishPlacedOrder(orderId)
  redirect(`/orders/${orderId}`)
}

/** A refusal because an earlier click placed the order already: the same answer as that click, not an error. */
async function settledElsewhere(client: CommerceLayerClient, orderId: string): Promise<ActionResult | null> {
  let placed = false
  try {
    placed = await finishIfPlaced(client, orderId)
  } catch (error) {
    console.error('Reading the order back failed:', error)
  }
  if (placed) redirect(`/orders/${orderId}`)
  return null
}

function explainOther(error: unknown): ActionResult {
  const problem = describeCommerceLayerError(error)
  if (problem?.status === 404) return failed(CART_GONE)
  // Not placed: the cart stays, and the same click works once the rate limit lets it through.
  if (problem?.status === 429) return failed(STORE_BUSY)
  console.error('One-click payment failed:', error)
  return failed(STORE_UNAVAILABLE)
}
