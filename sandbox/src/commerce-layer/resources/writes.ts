import { z } from 'zod'
import { nowIso, type ApiCall } from '../api'
import type { WriteSpec } from '../api'

type Flags = { create?: boolean; update?: boolean }

/** Declares attributes writable with the same flags. */
export function writable(schemas: Record<string, z.ZodType>, flags: Flags): WriteSpec['attributes'] {
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, { schema, ...flags }]))
}

/** `reference`, `reference_origin` and `metadata`: writable on every resource a client may write. */
export const commonWrites: WriteSpec['attributes'] = writable(
  {
    reference: z.string().max(255).nullable(),
    reference_origin: z.string().max(255).nullable(),
    metadata: z.record(z.string(), z.unknown()),
  },
  { create: true, update: true },
)

/** A trigger attribute: `true` fires it, `false` is a no-op. */
export const trigger = z.boolean()

/** Writes `reference`, `reference_origin` and `metadata` when the input carries them. */
export function writeCommonFields(call: ApiCall, table: string, id: string, attributes: Record<string, unknown>): void {
  for (const field of ['reference', 'reference_origin', 'metadata'] as const) {
    if (attributes[field] === undefined) continue
    const value = field === 'metadata' ? JSON.stringify(attributes[field]) : attributes[field]
    call.api.store.run(`UPDATE ${table} SET ${field} = ?, updated_at = ? WHERE id = ?`, value, nowIso(call.api), id)
  }
}
