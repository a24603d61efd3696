import { absoluteUrl } from '../images'
import { formatMoney } from '../money'
import type { ApiCall } from '../api'
import type { z } from 'zod'

/** A database row behind a resource; every resource table has a text `id`. */
export type Row = { id: string; [column: string]: unknown }

export type FieldType = 'string' | 'integer' | 'float' | 'boolean' | 'datetime' | 'object' | 'array'

export type AttributeDef = {
  /** The value clients see; `call` for what depends on the request (e.g. URLs on the sandbox's origin). */
  read: (row: Row, call: ApiCall) => unknown
  type: FieldType
  /** The SQL column behind the attribute; only column-backed attributes can be filtered or sorted. */
  column?: string
  filterable?: boolean
  sortable?: boolean
}

/** A related resource as a loader returns it: its type (relationships can be polymorphic) and its row. */
export type Linked = { type: string; row: Row }

export type RelationshipDef = {
  many: boolean
  /** The types it can point to: one, or several for a polymorphic relationship. */
  types: readonly string[]
  /** Loads this relationship for many parents at once (one query, never one per parent), keyed by parent id. */
  load(call: ApiCall, parents: readonly Row[]): Map<string, Linked | Linked[] | null>
}

export type Identifier = { type: string; id: string }

/** What a POST or PATCH may carry: each attribute with the zod schema of its value, each relationship with its types. */
export type WriteSpec = {
  attributes: Record<string, { schema: z.ZodType; create?: boolean; update?: boolean }>
  relationships: Record<string, { types: readonly string[]; create?: boolean; update?: boolean; many?: boolean }>
}

/** A validated write: only declared fields, values already parsed by their schemas. */
export type WriteInput = {
  attributes: Record<string, unknown>
  relationships: Record<string, Identifier | Identifier[] | null>
}

export type ListScope = { where: string; params: unknown[] }

/**
 * One resource type of the Core API: how its rows read as JSON:API, who may see them, and (optionally) how it is
 * written. Attributes and relationships are listed in the order responses show them.
 */
export type ResourceDef = {
  type: string
  table: string
  /** Served only at `/api/<singular>` (the organization), never as `/api/<type>` or `/api/<type>/:id`. */
  singleton?: boolean
  attributes: Record<string, AttributeDef>
  relationships: Record<string, RelationshipDef>
  /** The rows this caller may list (an SQL condition), or a refusal for callers that may not list them at all. */
  listScope(call: ApiCall): ListScope | 'unauthorized'
  /** Whether this caller may read this row by id: false answers 404 (it leaks nothing), 'unauthorized' 401. */
  canRead(call: ApiCall, row: Row): boolean | 'unauthorized'
  writes?: WriteSpec
  create?(call: ApiCall, input: WriteInput): Promise<Row> | Row
  update?(call: ApiCall, row: Row, input: WriteInput): Promise<Row> | Row
  destroy?(call: ApiCall, row: Row): Promise<void> | void
}

type FieldOptions = { filter?: boolean; sort?: boolean }

const column = (name: string, type: FieldType, options: FieldOptions = {}): AttributeDef => ({
  read: (row) => row[name] ?? null,
  type,
  column: name,
  filterable: options.filter ?? false,
  sortable: options.sort ?? false,
})

const parseJson = (text: unknown, fallback: unknown): unknown => {
  if (typeof text !== 'string') return fallback
  try {
    return JSON.parse(text) as unknown
  } catch {
    return fallback
  }
}

/** Attribute builders for the usual column shapes. */
export const attr = {
  string: (name: string, options?: FieldOptions) => column(name, 'string', options),
  integer: (name: string, options?: FieldOptions) => column(name, 'integer', options),
  float: (name: string, options?: FieldOptions) => column(name, 'float', options),
  datetime: (name: string, options: FieldOptions = { filter: true, sort: true }) => column(name, 'datetime', options),
  boolean: (name: string, options?: FieldOptions): AttributeDef => ({
    ...column(name, 'boolean', options),
    read: (row) => (row[name] === null || row[name] === undefined ? null : row[name] === 1),
  }),
  json: (name: string, fallback: unknown = null): AttributeDef => ({
    read: (row) => parseJson(row[name], fallback),
    type: Array.isArray(fallback) ? 'array' : 'object',
  }),
  fixed: (value: unknown, type: FieldType = 'string'): AttributeDef => ({ read: () => value, type }),
  computed: (read: (row: Row, call: ApiCall) => unknown, type: FieldType): AttributeDef => ({ read, type }),
  /** A URL column: stored paths answer absolute on the sandbox's public origin (see images.ts). */
  url: (name: string, options?: FieldOptions): AttributeDef => ({
    ...column(name, 'string', options),
    read: (row, call) => absoluteUrl(call, row[name]),
  }),
}

/**
 * Commerce Layer's money triplet: `<name>_cents` (an integer column), `<name>_float` and `formatted_<name>`.
 * `cents` reads the value when it is not a column of its own (e.g. a sum).
 */
export function money(
  name: string,
  options: FieldOptions & { cents?: (row: Row) => number | null; currency?: (row: Row) => string } = {},
): Record<string, AttributeDef> {
  const cents = options.cents ?? ((row: Row) => (row[`${name}_cents`] as number | null | undefined) ?? null)
  const currency = options.currency ?? ((row: Row) => String(row.currency_code ?? 'EUR'))
  const centsAttribute: AttributeDef = options.cents
    ? { read: cents, type: 'integer' }
    : column(`${name}_cents`, 'integer', { filter: options.filter ?? true, sort: options.sort ?? true })
  return {
    [`${name}_cents`]: centsAttribute,
    [`${name}_float`]: attr.computed((row) => {
      const value = cents(row)
      return value === null ? null : value / 100
    }, 'float'),
    [`formatted_${name}`]: attr.computed((row) => {
      const value = cents(row)
      return value === null ? null : formatMoney(value, currency(row))
    }, 'string'),
  }
}

/** `created_at`, `updated_at`, `reference`, `reference_origin` and `metadata`, which every resource has. */
export function commonAttributes(): Record<string, AttributeDef> {
  return {
    created_at: attr.datetime('created_at'),
    updated_at: attr.datetime('updated_at'),
    reference: attr.string('reference', { filter: true, sort: true }),
    reference_origin: attr.string('reference_origin', { filter: true, sort: true }),
    metadata: attr.json('metadata', {}),
  }
}
