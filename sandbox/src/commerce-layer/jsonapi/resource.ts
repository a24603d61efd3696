// Builders for the attributes a resource definition lists (the definitions' types are in ../api.ts).
import { absoluteUrl } from '../images'
import { formatMoney } from '../money'
import type { ApiCall, AttributeDef, FieldType, Row } from '../api'

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
