import { z } from 'zod'
import { newResourceId } from '../../ids'
import { nowIso, type ApiCall } from '../api'
import { commonWrites, writable } from './writes'
import { invalid, validationError, type Invalid } from '../jsonapi/errors'
import { attr, commonAttributes } from '../jsonapi/resource'
import type { ResourceDef, Row, WriteInput } from '../api'
import type { AddressRow } from '../orders/rows'

const text = z.string().trim().max(255)
const optionalText = text.nullable()

/** The address fields a client writes, in the order of the table's columns. */
export const ADDRESS_FIELDS = [
  'business',
  'first_name',
  'last_name',
  'company',
  'line_1',
  'line_2',
  'city',
  'zip_code',
  'state_code',
  'country_code',
  'phone',
  'email',
  'notes',
  'lat',
  'lng',
  'billing_info',
] as const

const addressSchemas: Record<(typeof ADDRESS_FIELDS)[number], z.ZodType> = {
  business: z.boolean(),
  first_name: optionalText,
  last_name: optionalText,
  company: optionalText,
  line_1: text,
  line_2: optionalText,
  city: text,
  zip_code: optionalText,
  state_code: optionalText,
  country_code: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter ISO 3166-1 country code')
    .transform((code) => code.toUpperCase()),
  phone: text,
  email: z.email('is invalid').nullable(),
  notes: optionalText,
  lat: z.number().min(-90).max(90).nullable(),
  lng: z.number().min(-180).max(180).nullable(),
  billing_info: optionalText,
}

const blank = (value: unknown) =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '')

/** Countries whose addresses may have no postal code (Ireland's Eircode is optional). */
const NO_ZIP_COUNTRIES = new Set(['IE'])

/** Commerce Layer's required fields: line_1, city, country_code, phone, zip_code, and a name or a company. */
export function addressProblems(address: Record<string, unknown>): Invalid[] {
  const problems: Invalid[] = []
  const required = ['line_1', 'city', 'country_code', 'phone']
  if (!NO_ZIP_COUNTRIES.has(String(address.country_code ?? ''))) required.push('zip_code')
  if (address.business === true || address.business === 1) required.push('company')
  else required.push('first_name', 'last_name')
  for (const field of required) if (blank(address[field])) problems.push(invalid(field, "can't be blank", 'blank'))
  return problems
}

const fullName = (row: Row) =>
  row.business === 1
    ? String(row.company ?? '')
    : [row.first_name, row.last_name].filter((part) => !blank(part)).join(' ')

/** "2883 Geraldine Lane Apt.23, 10013 New York NY (US) (212) 646-338-1228", as Commerce Layer composes it. */
const fullAddress = (row: Row) => {
  const street = [row.line_1, row.line_2].filter((part) => !blank(part)).join(' ')
  const place = [row.zip_code, row.city, row.state_code].filter((part) => !blank(part)).join(' ')
  return `${street}, ${place} (${String(row.country_code)}) ${String(row.phone ?? '')}`.trim()
}

/** "John Smith, 2883 Geraldine Lane Apt.23, 10013 New York NY (US) (212) 646-338-1228": an address's `name`. */
export const addressName = (row: Row) => `${fullName(row)}, ${fullAddress(row)}`

/** Inserts an address (already validated) and returns its row. */
export function insertAddress(call: ApiCall, values: Record<string, unknown>, owner: string | null): AddressRow {
  const id = newResourceId()
  const now = nowIso(call.api)
  const columns = ADDRESS_FIELDS.filter((field) => values[field] !== undefined)
  const extra = ['reference', 'reference_origin', 'metadata'].filter((field) => values[field] !== undefined)
  const names = ['id', 'owner_customer_id', ...columns, ...extra, 'created_at', 'updated_at']
  const params = [
    id,
    owner,
    ...columns.map((field) => (field === 'business' ? Number(values[field]) : values[field])),
    ...extra.map((field) => (field === 'metadata' ? JSON.stringify(values[field]) : values[field])),
    now,
    now,
  ]
  call.api.store.run(
    `INSERT INTO cl_addresses (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
    ...params,
  )
  return call.api.store.get<AddressRow>('SELECT * FROM cl_addresses WHERE id = ?', id) as AddressRow
}

/** A copy of an address for another use (an order's billing address from the address book, and back). */
export function cloneAddress(call: ApiCall, source: AddressRow, owner: string | null): AddressRow {
  const values: Record<string, unknown> = {}
  for (const field of ADDRESS_FIELDS) values[field] = field === 'business' ? source.business === 1 : source[field]
  return insertAddress(call, values, owner)
}

/** Guests reach an address by its id; a customer's addresses are that customer's only. */
export function canSeeAddress(call: ApiCall, row: Row): boolean {
  return row.owner_customer_id === null || row.owner_customer_id === call.caller.customerId
}

export const addresses: ResourceDef = {
  type: 'addresses',
  table: 'cl_addresses',
  attributes: {
    business: attr.boolean('business', { filter: true }),
    first_name: attr.string('first_name', { filter: true }),
    last_name: attr.string('last_name', { filter: true }),
    company: attr.string('company', { filter: true }),
    full_name: attr.computed(fullName, 'string'),
    line_1: attr.string('line_1', { filter: true }),
    line_2: attr.string('line_2', { filter: true }),
    city: attr.string('city', { filter: true, sort: true }),
    zip_code: attr.string('zip_code', { filter: true }),
    state_code: attr.string('state_code', { filter: true, sort: true }),
    country_code: attr.string('country_code', { filter: true, sort: true }),
    phone: attr.string('phone', { filter: true }),
    full_address: attr.computed(fullAddress, 'string'),
    name: attr.computed(addressName, 'string'),
    email: attr.string('email', { filter: true }),
    notes: attr.string('notes', { filter: true }),
    lat: attr.float('lat'),
    lng: attr.float('lng'),
    is_localized: attr.fixed(false, 'boolean'),
    is_geocoded: attr.fixed(false, 'boolean'),
    provider_name: attr.fixed(null),
    map_url: attr.fixed(null),
    static_map_url: attr.fixed(null),
    billing_info: attr.string('billing_info', { filter: true }),
    ...commonAttributes(),
  },
  relationships: {},
  listScope: (call) =>
    call.caller.customerId ? { where: 'owner_customer_id = ?', params: [call.caller.customerId] } : 'unauthorized',
  canRead: canSeeAddress,
  writes: {
    attributes: { ...writable(addressSchemas, { create: true, update: true }), ...commonWrites },
    relationships: {},
  },
  create(call, input: WriteInput) {
    const problems = addressProblems(input.attributes)
    if (problems.length > 0) throw validationError(...problems)
    return insertAddress(call, input.attributes, call.caller.customerId)
  },
  update(call, row, input) {
    const merged = { ...row, business: row.business === 1, ...input.attributes }
    const problems = addressProblems(merged)
    if (problems.length > 0) throw validationError(...problems)
    const fields = Object.keys(input.attributes)
    if (fields.length > 0) {
      const values = fields.map((field) => {
        const value = input.attributes[field]
        return field === 'metadata' ? JSON.stringify(value) : field === 'business' ? Number(value) : value
      })
      call.api.store.run(
        `UPDATE cl_addresses SET ${fields.map((field) => `${field} = ?`).join(', ')}, updated_at = ? WHERE id = ?`,
        ...values,
        nowIso(call.api),
        row.id,
      )
    }
    return call.api.store.get<Row>('SELECT * FROM cl_addresses WHERE id = ?', row.id) as Row
  },
}
