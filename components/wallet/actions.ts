'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { failed, succeeded, type ActionResult } from '@/components/ui/action-state'
import { currentCustomer } from '@/lib/auth/session'
import { commerceLayerClient, type CommerceLayerClient } from '@/lib/commerce-layer/client'
import { describeCommerceLayerError } from '@/lib/commerce-layer/errors'
import { getOrderDetails, isOrderVisibleTo } from '@/lib/commerce-layer/orders'
import { resourceIdSchema } from '@/lib/commerce-layer/schemas'
import {
  chooseDefaultWalletEntry,
  listWalletEntries,
  removeWalletEntry,
  saveKlarnaToWallet,
  type WalletEntry,
} from '@/lib/commerce-layer/wallet'
import { successorOf } from '@/lib/commerce-layer/wallet-default'
import { NOT_IN_WALLET, STORE_UNAVAILABLE } from '@/lib/messages'

const entrySchema = z.object({ entryId: resourceIdSchema })

type OwnEntry = { client: CommerceLayerClient; entry: WalletEntry; entries: WalletEntry[] }

/**
 * What every wallet change checks first, as every server action must: a signed-in customer, and an entry of
 * their own wallet (read with their token). `change` runs only then; a 404 from it means the entry went meanwhile.
 */
async function changeOwnEntry(
  formData: FormData,
  what: string,
  change: (own: OwnEntry) => Promise<ActionResult>,
  whenGone: ActionResult,
): Promise<ActionResult> {
  const customer = await currentCustomer()
  if (!customer) return failed('Please sign in to change your wallet.')
  const input = entrySchema.safeParse({ entryId: formData.get('entryId') })
  if (!input.success) return failed(NOT_IN_WALLET)

  const client = commerceLayerClient(customer.accessToken)
  try {
    const entries = await listWalletEntries(client)
    // An entry's id, or any saved source behind it (Commerce Layer may hold two for one Klarna account).
    const entry = entries.find((candidate) => candidate.sourceIds.includes(input.data.entryId))
    if (!entry) return failed(NOT_IN_WALLET)
    return await change({ client, entry, entries })
  } catch (error) {
    if (describeCommerceLayerError(error)?.status === 404) return whenGone
    console.error(`${what} failed:`, error)
    return failed(STORE_UNAVAILABLE)
  }
}

/**
 * Removes a saved payment source from the signed-in customer's wallet, once it is known to be theirs. Removing
 * the default makes the next one in the list the default, so checkout and Buy now never guess.
 */
export async function removeWalletEntryAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  return changeOwnEntry(
    formData,
    'Removing a wallet entry',
    async ({ client, entry, entries }) => {
      await removeWalletEntry(client, entry)
      const successor = entry.isDefault ? successorOf(entries, entry.id) : null
      if (!successor) return succeeded(`Removed ${entry.name} from your wallet.`)
      await chooseDefaultWalletEntry(client, successor)
      return succeeded(`Removed ${entry.name} from your wallet. ${successor.name} is now your default.`)
    },
    succeeded('That saved payment method was already removed.'),
  )
}

/** "Make default" on the wallet page: the choice written into that entry's metadata (one PATCH). */
export async function chooseDefaultWalletEntryAction(
  _previous: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  return changeOwnEntry(
    formData,
    'Choosing the default wallet entry',
    async ({ client, entry }) => {
      if (!entry.isDefault) await chooseDefaultWalletEntry(client, entry)
      return succeeded(`${entry.name} is now your default.`)
    },
    failed(NOT_IN_WALLET),
  )
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
