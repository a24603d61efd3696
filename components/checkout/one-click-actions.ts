'use server'

import { redirect } from 'next/navigation'
import { z } from 'zod'
import { currentCustomer } from '@/lib/auth/session'
import { placeOrder } from '@/lib/commerce-layer/checkout'
import { commerceLayerClient, type CommerceLayerClient } from '@/lib/commerce-layer/client'
import { describeCommerceLayerError } from '@/lib/commerce-layer/errors'
import { associateSavedSource, decideOneClick, detachPaymentSource } from '@/lib/commerce-layer/one-click'
import { readCartId } from '@/lib/shopper'
import { finishIfPlaced, finishPlacedOrder } from './placed-order'
import type { PaymentGap } from '@/lib/commerce-layer/payment-prerequisites'

/** What the one-click button tells the page when it could not pay: words, and where the shopper goes next. */
export type OneClickState = { status: 'idle' | 'error'; message: string; next?: 'details' | 'other-klarna' }

const sourceSchema = z.object({ sourceId: z.string().regex(/^[A-Za-z0-9]{1,64}$/) })

const MISSING_WORDS: Record<PaymentGap, string> = {
  email: 'your email',
  billing_address: 'a billing address',
  shipping_address: 'a shipping address',
  shipping_method: 'a delivery option',
}

const failed = (message: string, next?: OneClickState['next']): OneClickState => ({ status: 'error', message, next })

const NOT_IN_WALLET = 'That saved Klarna is no longer in your wallet. Pay with another Klarna account below.'

/**
 * One click on a saved Klarna source: the whole payment. A public endpoint, so it checks the session, then
 * sends the documented association (lib/commerce-layer/one-click.ts) and places the order only when the
 * association's answer shows the source is this customer's own, the order complete and carrying it. Two
 * Commerce Layer requests up to placing; a refused source keeps the cart and says so.
 */
export async function payWithSavedSourceAction(_previous: OneClickState, formData: FormData): Promise<OneClickState> {
  const customer = await currentCustomer()
  if (!customer) return failed('Please sign in again to pay with your saved Klarna.')
  const input = sourceSchema.safeParse({ sourceId: formData.get('sourceId') })
  if (!input.success) return failed(NOT_IN_WALLET, 'other-klarna')
  const orderId = await readCartId()
  if (!orderId) return failed('Your cart is empty or was already checked out.')
  const client = commerceLayerClient(customer.accessToken)

  let decision
  try {
    decision = decideOneClick(await associateSavedSource(client, orderId, input.data.sourceId), input.data.sourceId)
  } catch (error) {
    return (await settledElsewhere(client, orderId)) ?? explainRefusedAssociation(error)
  }
  if (decision.next === 'already-placed') return finishAndShow(orderId)
  if (decision.next === 'refuse') {
    if (decision.reason === 'incomplete')
      return failed(
        `Add ${decision.missing.map((field) => MISSING_WORDS[field]).join(' and ')} above, then pay.`,
        'details',
      )
    // Whatever Commerce Layer attached for a source we refuse comes off again, so nothing can place with it.
    try {
      await detachPaymentSource(client, orderId)
    } catch (error) {
      console.error('Detaching a refused saved source failed:', error)
    }
    if (decision.reason === 'not-in-wallet') return failed(NOT_IN_WALLET, 'other-klarna')
    return failed("Your saved Klarna can't pay for this order. Pay with another Klarna account below.", 'other-klarna')
  }

  try {
    await placeOrder(client, orderId)
  } catch (error) {
    return (await settledElsewhere(client, orderId)) ?? explainRefusedPlacing(error)
  }
  return finishAndShow(orderId)
}

async function finishAndShow(orderId: string): Promise<never> {
  await finishPlacedOrder(orderId)
  redirect(`/orders/${orderId}`)
}

/** A refusal because an earlier click placed the order already: the same answer as that click, not an error. */
async function settledElsewhere(client: CommerceLayerClient, orderId: string): Promise<OneClickState | null> {
  let placed = false
  try {
    placed = await finishIfPlaced(client, orderId)
  } catch (error) {
    console.error('Reading the order back failed:', error)
  }
  if (placed) redirect(`/orders/${orderId}`)
  return null
}

function explainRefusedAssociation(error: unknown): OneClickState {
  const problem = describeCommerceLayerError(error)
  // Commerce Layer refuses a source that is not the order's customer's own (removed meanwhile, or anyone else's).
  if (problem?.status === 422) return failed(NOT_IN_WALLET, 'other-klarna')
  return explainOther(error)
}

function explainRefusedPlacing(error: unknown): OneClickState {
  const problem = describeCommerceLayerError(error)
  // The association showed the order complete, so a refused `_place` is the payment: Klarna declined the token.
  if (problem?.status === 422) {
    return failed(
      'Klarna declined this saved account (it may have been cancelled). Your cart is still here: pay with another Klarna account below.',
      'other-klarna',
    )
  }
  return explainOther(error)
}

function explainOther(error: unknown): OneClickState {
  const problem = describeCommerceLayerError(error)
  if (problem?.status === 404) return failed('Your cart is empty or was already checked out.')
  if (problem?.status === 429) return failed('The store is busy right now. Please try again in a moment.')
  console.error('One-click payment failed:', error)
  return failed('The store is unavailable right now, please try again.')
}
