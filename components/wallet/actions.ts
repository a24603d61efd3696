'use server'

import { z } from 'zod'
import { currentCustomer } from '@/lib/auth/session'
import { commerceLayerClient } from '@/lib/commerce-layer/client'
import { describeCommerceLayerError } from '@/lib/commerce-layer/errors'
import { listWalletEntries, removeWalletEntry } from '@/lib/commerce-layer/wallet'
import { failed, succeeded, type ActionState } from '@/components/ui/action-state'

const removeSchema = z.object({ entryId: z.string().regex(/^[A-Za-z0-9]{1,64}$/) })

/**
 * Removes a saved payment source from the signed-in customer's wallet. A public endpoint like every server
 * action: it checks the session, and that the entry is in this customer's own wallet, before deleting.
 */
export async function removeWalletEntryAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const customer = await currentCustomer()
  if (!customer) return failed('Please sign in to change your wallet.')
  const input = removeSchema.safeParse({ entryId: formData.get('entryId') })
  if (!input.success) return failed('That saved payment method is not in your wallet.')

  const client = commerceLayerClient(customer.accessToken)
  try {
    const entry = (await listWalletEntries(client)).find((candidate) => candidate.id === input.data.entryId)
    if (!entry) return failed('That saved payment method is not in your wallet.')
    await removeWalletEntry(client, entry.id)
    return succeeded(`Removed ${entry.name} from your wallet.`)
  } catch (error) {
    const problem = describeCommerceLayerError(error)
    if (problem?.status === 404) return succeeded('That saved payment method was already removed.')
    console.error('Removing a wallet entry failed:', error)
    return failed('The store is unavailable right now, please try again.')
  }
}
