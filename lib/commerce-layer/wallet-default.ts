/**
 * Which saved source is the customer's default. Commerce Layer has no such flag, so the storefront keeps one in the
 * source's own `metadata` (a field every customer payment source has, writable with a customer token): the time
 * the customer chose it. The default is the source chosen most recently; with none chosen, the newest saved.
 * Pure, so checkout, Buy now and the wallet page apply the same rule.
 */
export const DEFAULT_CHOSEN_AT = 'storefront_default_chosen_at'

export type DefaultCandidate = { id: string; createdAt: string; metadata: Record<string, unknown> | null | undefined }

function chosenAt(source: DefaultCandidate): string | null {
  const value = source.metadata?.[DEFAULT_CHOSEN_AT]
  return typeof value === 'string' ? value : null
}

export function defaultSourceId(sources: readonly DefaultCandidate[]): string | null {
  let best: DefaultCandidate | undefined
  for (const source of sources) {
    if (!best) {
      best = source
      continue
    }
    const [mine, theirs] = [chosenAt(source), chosenAt(best)]
    if (mine !== theirs ? (mine ?? '') > (theirs ?? '') : source.createdAt > best.createdAt) best = source
  }
  return best?.id ?? null
}

/** The metadata that makes a source the default, keeping whatever else its metadata holds. */
export function metadataChosenAsDefault(
  metadata: Record<string, unknown> | null | undefined,
  now: Date,
): Record<string, unknown> {
  return { ...metadata, [DEFAULT_CHOSEN_AT]: now.toISOString() }
}

/**
 * When the default is removed, the one after it in the wallet's list (or before it, when it was last) becomes
 * the default: what the shopper sees move up into its place.
 */
export function successorOf<T extends { id: string }>(entries: readonly T[], removedId: string): T | null {
  const index = entries.findIndex((entry) => entry.id === removedId)
  if (index < 0) return null
  return entries[index + 1] ?? entries[index - 1] ?? null
}
