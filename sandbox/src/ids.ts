import { createHash, randomBytes, randomUUID } from 'node:crypto'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** A resource id shaped like Commerce Layer's (ten letters, e.g. "qaMAhZkZvd"). */
export function newResourceId(): string {
  const bytes = randomBytes(10)
  let id = ''
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length]
  return id
}

/**
 * A resource id for seed data: the same label always gives the same id, so seeded records keep their ids across
 * `sandbox:reset` and the README and tests can name them.
 */
export function stableResourceId(label: string): string {
  const bytes = createHash('sha256').update(label).digest()
  let id = ''
  for (let i = 0; i < 10; i++) id += ALPHABET[(bytes[i] as number) % ALPHABET.length]
  return id
}

/** A UUID, the shape of Klarna's session ids, authorization tokens and order ids. */
export const newUuid = (): string => randomUUID()
