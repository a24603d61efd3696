'use server'

import { redirect } from 'next/navigation'
import { z } from 'zod'
import { failed, type ActionResult } from '@/components/ui/action-state'
import { currentCustomer } from '@/lib/auth/session'
import { createSingleProductOrder, getBuyNowProfile } from '@/lib/commerce-layer/buy-now'
import { shipToSavedAddress } from '@/lib/commerce-layer/checkout-start'
import { commerceLayerClient, type CommerceLayerClient } from '@/lib/commerce-layer/client'
import { describeCommerceLayerError } from '@/lib/commerce-layer/errors'
import { payWithSavedSource, type SavedSourceRefusal } from '@/lib/commerce-layer/one-click'
import { resourceIdSchema } from '@/lib/commerce-layer/schemas'
import { handOverToConfirmation } from '@/lib/confirmation-handover'
import { STORE_BUSY, STORE_UNAVAILABLE } from '@/lib/messages'
import { once } from './single-flight'

const inputSchema = z.object({
  skuCode: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
  quantity: z.coerce.number().int().min(1).max(99),
  sourceId: resourceIdSchema,
  attempt: z.uuid(),
})

/** What the product page says when the saved source cannot pay; each offers checkout to pay another way. */
const REFUSED_WORDS: Record<SavedSourceRefusal, string> = {
  'not-in-wallet': 'That saved Klarna is no longer in your wallet. Nothing was ordered.',
  'not-attached': "Your saved Klarna can't pay for this order. Nothing was ordered: check out to pay another way.",
  declined:
    'Klarna declined this saved account (it may have been cancelled). Nothing was ordered: check out to pay another way.',
}

/** A reason to stop before anything is paid, in the words the shopper reads. */
class BuyNowRefused extends Error {}

/** What Buy now tells the product page when it placed nothing: words, and (mostly) checkout as the way on. */
const refused = (message: string, offerCheckout = true): ActionResult =>
  failed(message, offerCheckout ? { next: 'checkout' } : {})

/**
 * Buy now on a product page: one click places a new order for just that product and quantity, shipped to the
 * saved address with the default shipping method and paid with the saved Klarna source, and opens its
 * confirmation. The cart is never touched. A public endpoint: it checks the session, and that the source and the
 * address are the customer's own (read with the customer's token), before anything is paid. The same attempt sent
 * twice places one order (single-flight.ts).
 */
export async function buyNowAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const customer = await currentCustomer()
  if (!customer) return refused('Please sign in again to buy with one click.', false)
  const input = inputSchema.safeParse(Object.fromEntries(formData))
  if (!input.success) return refused('Choose a quantity between 1 and 99, then try again.', false)

  const client = commerceLayerClient(customer.accessToken)
  let orderId: string
  try {
    orderId = await once(`${customer.customerId}:${input.data.attempt}`, () =>
      placeBuyNowOrder(client, { ...input.data, customerId: customer.customerId, email: customer.email }),
    )
  } catch (error) {
    return explain(error)
  }
  redirect(`/orders/${orderId}`)
}

async function placeBuyNowOrder(
  client: CommerceLayerClient,
  input: z.infer<typeof inputSchema> & { customerId: string; email: string },
): Promise<string> {
  // Who the customer is and what the order is do not depend on each other: both at once.
  const [profile, orderId] = await Promise.all([
    getBuyNowProfile(client, input.customerId),
    createSingleProductOrder(client, input),
  ])
  if (!profile.sources.some((source) => source.id === input.sourceId))
    throw new BuyNowRefused(REFUSED_WORDS['not-in-wallet'])
  if (!profile.address) throw new BuyNowRefused('Your account has no saved address yet. Nothing was ordered.')
  if (!(await shipToSavedAddress(client, orderId, profile.address.id)))
    throw new BuyNowRefused("We can't deliver to your saved address. Nothing was ordered: check out to choose another.")
  // Checkout's one click, as "Reusing the payment source" documents it: the association, then `_place` only
  // when its answer shows the order complete and carrying this customer's own source.
  const payment = await payWithSavedSource(client, orderId, input.sourceId)
  if (payment.outcome === 'placed') handOverToConfirmation(payment.order)
  else if (payment.outcome === 'incomplete')
    throw new BuyNowRefused("This order couldn't be placed. Nothing was ordered: check out instead.")
  else if (payment.outcome === 'refused') throw new BuyNowRefused(REFUSED_WORDS[payment.reason])
  return orderId
}

function explain(error: unknown): ActionResult {
  if (error instanceof BuyNowRefused) return refused(error.message)
  const problem = describeCommerceLayerError(error)
  if (problem?.status === 422 && problem.all.some((detail) => detail.attribute === 'quantity'))
    return refused("We don't have that many in stock. Nothing was ordered: try a smaller quantity.", false)
  if (problem?.status === 429) return refused(`Nothing was ordered. ${STORE_BUSY}`)
  if (problem?.status === 422) return refused("This order couldn't be placed. Nothing was ordered: check out instead.")
  console.error('Buy now failed:', error)
  return refused(`Nothing was ordered. ${STORE_UNAVAILABLE}`)
}
