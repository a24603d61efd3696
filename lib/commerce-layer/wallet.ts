import { z } from 'zod'
import type { CommerceLayerClient } from './client'

/** A saved payment source in a customer's wallet, as the account pages and checkout show it. */
export type WalletEntry = {
  id: string
  name: string
  savedAt: string
  paymentSourceType: string | null
}

const walletEntrySchema = z.object({
  id: z.string(),
  name: z.string().nullish(),
  created_at: z.string(),
  payment_source: z.object({ type: z.string() }).nullish(),
})

export function toWalletEntry(raw: unknown): WalletEntry {
  const entry = walletEntrySchema.parse(raw)
  return {
    id: entry.id,
    name: entry.name ?? 'Saved payment method',
    savedAt: entry.created_at,
    paymentSourceType: entry.payment_source?.type ?? null,
  }
}

/** The signed-in customer's saved payment sources, newest first (a customer token sees only its own). */
export async function listWalletEntries(customerClient: CommerceLayerClient): Promise<WalletEntry[]> {
  const entries = await customerClient.customer_payment_sources.list({
    include: ['payment_source'],
    sort: { created_at: 'desc' },
    pageSize: 25,
  })
  return entries.map(toWalletEntry)
}

/** Removes a saved source; Commerce Layer also cancels the Klarna customer token behind it. */
export async function removeWalletEntry(customerClient: CommerceLayerClient, id: string): Promise<void> {
  await customerClient.customer_payment_sources.delete(id)
}
