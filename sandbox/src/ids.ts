import { randomBytes, randomUUID } from 'node:crypto'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** A resource id shaped like Commerce Layer's (ten letters, e.g. "qaMAhZkZvd"). */
export function newResourceId(): string {
  const bytes = randomBytes(10)
  let id = ''
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length]
  return id
}

/** A UUID, the shape of Klarna's session ids, authorization tokens and order ids. */
export const newUuid = (): string => randomUUID()
