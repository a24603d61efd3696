import { z } from 'zod'
import { isNotFound } from './errors'
import { savedSourceNameSchema } from './schemas'
import { defaultSourceId, metadataChosenAsDefault } from './wallet-default'
import type { CommerceLayerClient } from './client'

/** A saved Klarna account in a customer's wallet, as the account pages show it. */
export type WalletEntry = {
  id: string
  name: string
  savedAt: string
  /** The one checkout and Buy now use first (see wallet-default.ts). */
  isDefault: boolean
  metadata: Record<string, unknown>
  /**
   * Every saved source behind this entry: one, or more when Commerce Layer holds several for one Klarna
   * customer token (it has stored a save sent twice; mfe-checkout #412). Removing the entry removes them all.
   */
  sourceIds: string[]
}

const walletEntrySchema = z.object({
  id: z.string(),
  name: savedSourceNameSchema,
  payment_source_token: z.string().nullish(),
  created_at: z.string(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
})

/**
 * One saved source per Klarna customer token (`payment_source_token`), the newest of those sharing one: two
 * sources for one token charge the same Klarna account, so the shopper sees one. Without a token, by id.
 */
export function onePerCustomerToken<T extends { id: string; token: string | null; savedAt: string | null }>(
  sources: readonly T[],
): T[] {
  const newestFirst = [...sources].sort((a, b) => (b.savedAt ?? '').localeCompare(a.savedAt ?? ''))
  const seen = new Set<string>()
  return newestFirst.filter((source) => {
    const key = source.token ?? `id:${source.id}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** The same entries, the default first and the rest as they came. */
export function defaultEntryFirst(entries: readonly WalletEntry[]): WalletEntry[] {
  return [...entries].sort((a, b) => Number(b.isDefault) - Number(a.isDefault))
}

/**
 * Wallet entries as Commerce Layer lists them (or includes them): one per Klarna customer token, the default
 * marked. The default is chosen among every saved source, so an entry is the default when any source behind it is.
 */
export function toWalletEntries(raw: readonly unknown[]): WalletEntry[] {
  // A plain array: the SDK's list carries its paging meta into whatever is mapped from it.
  const sources = Array.from(raw, (item) => {
    const source = walletEntrySchema.parse(item)
    return {
      id: source.id,
      name: source.name,
      token: source.payment_source_token ?? null,
      savedAt: source.created_at,
      metadata: source.metadata ?? {},
    }
  })
  const defaultId = defaultSourceId(
    sources.map((source) => ({ id: source.id, createdAt: source.savedAt, metadata: source.metadata })),
  )
  return onePerCustomerToken(sources).map((entry) => {
    const sourceIds = sources
      .filter((source) => source.id === entry.id || (entry.token !== null && source.token === entry.token))
      .map((source) => source.id)
    return {
      id: entry.id,
      name: entry.name,
      savedAt: entry.savedAt,
      isDefault: defaultId !== null && sourceIds.includes(defaultId),
      metadata: entry.metadata,
      sourceIds,
    }
  })
}

/** The signed-in customer's saved Klarna accounts, newest first (a customer token sees only its own). */
export async function listWalletEntries(customerClient: CommerceLayerClient): Promise<WalletEntry[]> {
  const sources = await customerClient.customer_payment_sources.list({
    sort: { created_at: 'desc' },
    pageSize: 25,
  })
  return toWalletEntries(sources)
}

/**
 * Makes a saved source the customer's default: one `PATCH /api/customer_payment_sources/:id` writing its
 * `metadata` (all of it, what was there kept), which Commerce Layer lets a customer update on their own sources.
 */
export async function chooseDefaultWalletEntry(customerClient: CommerceLayerClient, entry: WalletEntry): Promise<void> {
  await customerClient.customer_payment_sources.update({
    id: entry.id,
    metadata: metadataChosenAsDefault(entry.metadata, new Date()),
  })
}

/**
 * Removes a wallet entry: each saved source behind it (Commerce Layer also cancels the Klarna customer token
 * behind it). One already gone (a second tab, or the token's other source) is fine.
 */
export async function removeWalletEntry(customerClient: CommerceLayerClient, entry: WalletEntry): Promise<void> {
  for (const id of entry.sourceIds) {
    try {
      await customerClient.customer_payment_sources.delete(id)
    } catch (error) {
      if (!isNotFound(error)) throw error
    }
  }
}

const savedSourcesSchema = z.object({
  available_customer_payment_sources: z
    .array(z.object({ id: z.string(), name: savedSourceNameSchema, created_at: z.string() }))
    .nullish(),
})

/**
 * Step 1 of "Reusing the payment source": saves the order's Klarna payment source (its `auth_token` already
 * set) into the customer's wallet. Exactly the documented request:
 * `PATCH /api/orders/:id?include=available_customer_payment_sources` with
 * `{"_save_payment_source_to_customer_wallet": true}`. Answers the customer's saved sources for the order.
 */
export async function saveKlarnaToWallet(
  customerClient: CommerceLayerClient,
  orderId: string,
): Promise<{ id: string; name: string }[]> {
  const order = await customerClient.orders.update(
    { id: orderId, _save_payment_source_to_customer_wallet: true },
    { include: ['available_customer_payment_sources'] },
  )
  const parsed = savedSourcesSchema.parse(order)
  return (parsed.available_customer_payment_sources ?? []).map((source) => ({
    id: source.id,
    name: source.name,
  }))
}

/** Which wallet entry holds a given payment source (an order's Klarna payment), if any. */
export async function findWalletEntryForPaymentSource(
  customerClient: CommerceLayerClient,
  paymentSourceId: string,
): Promise<WalletEntry | null> {
  const entries = await customerClient.customer_payment_sources.list({ include: ['payment_source'], pageSize: 25 })
  const match = entries.find((entry) => entry.payment_source?.id === paymentSourceId)
  if (!match) return null
  // The entry the wallet page shows for this source's Klarna token.
  const token = walletEntrySchema.parse(match).payment_source_token
  const sameAccount = token ? entries.filter((entry) => entry.payment_source_token === token) : [match]
  return toWalletEntries(sameAccount)[0] ?? null
}
