'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { failed, succeeded, type ActionResult } from '@/components/ui/action-state'
import { currentCustomer } from '@/lib/auth/session'
import { commerceLayerClient } from '@/lib/commerce-layer/client'
import { describeCommerceLayerError } from '@/lib/commerce-layer/errors'
import { getOrderDetails, isOrderVisibleTo } from '@/lib/commerce-layer/orders'
import { resourceIdSchema } from '@/lib/commerce-layer/schemas'
import { listWalletEntries, removeWalletEntry, saveKlarnaToWallet } from '@/lib/commerce-layer/wallet'
import { NOT_IN_WALLET, STORE_UNAVAILABLE } from '@/lib/messages'

const removeSchema = z.object({ entryId: resourceIdSchema })

/**
 * Removes a saved payment source from the signed-in customer's wallet. A public endpoint like every server
 * action: it checks the session, and that the entry is in this customer's own wallet, before deleting.
 */
export async function removeWalletEntryAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const customer = await currentCustomer()
  if (!customer) return failed('Please sign in to change your wallet.')
  const input = removeSchema.safeParse({ entryId: formData.get('entryId') })
  if (!input.success) return failed(NOT_IN_WALLET)

  const client = commerceLayerClient(customer.accessToken)
  try {
    const entry = (await listWalletEntries(client)).find((candidate) =>
      candidate.sourceIds.includes(input.data.entryId),
    )
    if (!entry) return failed(NOT_IN_WALLET)
    await removeWalletEntry(client, entry)
    return succeeded(`Removed ${entry.name} from your wallet.`)
  } catch (error) {
    const problem = describeCommerceLayerError(error)
    if (problem?.status === 404) return succeeded('That saved payment method was already removed.')
    console.error('Removing a wallet entry failed:', error)
    return failed(STORE_UNAVAILABLE)
  }
}

const saveSchema = z.object({ orderId: resourceIdSchema })

/**
 * "Save Klarna to my wallet" on the confirmation page, for a placed order of the signed-in customer: the
 * documented request, `PATCH /api/orders/:id?include=available_customer_payment_sources` with
 * `_save_payment_source_to_customer_wallet: true`. Saving again changes nothing (Commerce Layer keeps one entry).
 */
export async function saveKlarnaToWalletAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const customer = await currentCustomer()
  if (!customer) return failed('Please sign in to save Klarna to your wallet.')
  const input = saveSchema.safeParse({ orderId: formData.get('orderId') })
  if (!input.success) return failed('That order is not yours to save from.')

  const client = commerceLayerClient(customer.accessToken)
  try {
    const order = await getOrderDetails(client, input.data.orderId)
    if (!isOrderVisibleTo(order, customer.customerId)) return failed('That order is not yours to save from.')
    // Its payment came from the wallet: there is nothing new to save (Commerce Layer may store it twice).
    if (order.paidWithSavedSource)
      return failed('This order was paid with Klarna from your wallet: it is saved already.')
    await saveKlarnaToWallet(client, order.id)
  } catch (error) {
    const problem = describeCommerceLayerError(error)
    console.error('Saving Klarna to the wallet failed:', error)
    if (problem?.status === 422)
      return failed("Klarna couldn't be saved from this order. You can still pay with Klarna next time.")
    return failed(STORE_UNAVAILABLE)
  }
  revalidatePath(`/orders/${input.data.orderId}`)
  revalidatePath('/account/wallet')
  return succeeded('Klarna saved to your wallet.')
}
