'use server'

import { redirect } from 'next/navigation'
import { z } from 'zod'
import { failed, type ActionResult } from '@/components/ui/action-state'
import { currentCustomer } from '@/lib/auth/session'
import { commerceLayerClient } from '@/lib/commerce-layer/client'
import { describeCommerceLayerError } from '@/lib/commerce-layer/errors'
import { resourceIdSchema } from '@/lib/commerce-layer/schemas'
import { getOneClickReadiness, payWithSavedSource, type OneClickReadiness } from '@/lib/commerce-layer/wallet'
import { CART_GONE, STORE_UNAVAILABLE } from '@/lib/messages'
import { clearCartId, readCartId, rememberPlacedOrder } from '@/lib/shopper'

const sourceSchema = z.object({ sourceId: resourceIdSchema })

const MISSING_WORDS: Record<OneClickReadiness['missing'][number], string> = {
  email: 'your email',
  billing_address: 'a billing address',
  shipping_address: 'a shipping address',
  shipping_method: 'a delivery option',
}

/**
 * One click on a saved Klarna source: the whole payment. A public endpoint, so it checks the session, that the
 * source is one of this customer's own that the order may use, and that the order is complete, then sends the
 * documented `PATCH /api/orders/:id {_customer_payment_source_id}` together with `_place`. Two Commerce Layer
 * requests in all; nothing is placed half-way, and a refused source keeps the cart.
 */
export async function payWithSavedSourceAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const customer = await currentCustomer()
  if (!customer) return failed('Please sign in again to pay with your saved Klarna.')
  const input = sourceSchema.safeParse({ sourceId: formData.get('sourceId') })
  if (!input.success) {
    return failed('That saved Klarna is not in your wallet. Pay with another Klarna account below.', {
      next: 'other-klarna',
    })
  }
  const orderId = await readCartId()
  if (!orderId) return failed(CART_GONE)

  const client = commerceLayerClient(customer.accessToken)
  let readiness: OneClickReadiness
  try {
    readiness = await getOneClickReadiness(client, orderId)
  } catch (error) {
    return explain(error)
  }
  if (readiness.status === 'placed') return finishPlaced(orderId)
  if (!readiness.availableSourceIds.includes(input.data.sourceId)) {
    return failed('That saved Klarna is no longer in your wallet. Pay with another Klarna account below.', {
      next: 'other-klarna',
    })
  }
  if (readiness.missing.length > 0) {
    return failed(`Add ${readiness.missing.map((field) => MISSING_WORDS[field]).join(' and ')} above, then pay.`, {
      next: 'details',
    })
  }

  try {
    await payWithSavedSource(client, orderId, input.data.sourceId)
  } catch (error) {
    const problem = describeCommerceLayerError(error)
    // A second click arriving after the first placed the order: the same answer, not a second order.
    if (problem?.reason === 'already_placed' || problem?.reason === 'being_placed') return finishPlaced(orderId)
    return explain(error)
  }
  return finishPlaced(orderId)
}

async function finishPlaced(orderId: string): Promise<never> {
  await rememberPlacedOrder(orderId)
  await clearCartId()
  redirect(`/orders/${orderId}`)
}

function explain(error: unknown): ActionResult {
  const problem = describeCommerceLayerError(error)
  if (
    problem?.status === 422 &&
    problem.all.some(
      (detail) => detail.attribute === 'payment_source' || detail.attribute === '_customer_payment_source_id',
    )
  ) {
    return failed(
      'Klarna declined this saved account (it may have been cancelled). Your cart is still here: pay with another Klarna account below.',
      { next: 'other-klarna' },
    )
  }
  if (problem?.status === 422)
    return failed("This order can't be placed yet. Please check your details above.", { next: 'details' })
  if (problem?.status === 404) return failed(CART_GONE)
  console.error('One-click payment failed:', error)
  return failed(STORE_UNAVAILABLE)
}
