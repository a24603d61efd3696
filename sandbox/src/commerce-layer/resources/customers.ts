import { z } from 'zod'
import { newResourceId } from '../../ids'
import { customerOwned } from '../access'
import { nowIso, type ApiCall } from '../api'
import { addressName, canSeeAddress } from './addresses'
import { commonWrites, writeCommonFields } from './writes'
import { hashPassword, passwordProblem } from '../auth/passwords'
import { errors, invalid, relationshipPointer, validationError } from '../jsonapi/errors'
import { belongsTo, hasMany } from '../jsonapi/relationships'
import { attr, commonAttributes } from '../jsonapi/resource'
import type { ResourceDef, Row } from '../api'
import type { AddressRow } from '../orders/rows'

const customerById = (call: ApiCall, id: string) =>
  call.api.store.get<Row>('SELECT * FROM cl_customers_with_orders WHERE id = ?', id) as Row

async function passwordHash(password: unknown): Promise<string | undefined> {
  if (password === undefined) return undefined
  const problem = passwordProblem(password as string)
  if (problem) throw validationError(invalid('password', problem, 'invalid'))
  return hashPassword(password as string)
}

function refuseTakenEmail(call: ApiCall, email: string, exceptId = ''): void {
  if (call.api.store.get('SELECT 1 FROM cl_customers WHERE email = ? AND id != ?', email, exceptId)) {
    throw validationError(invalid('email', 'has already been taken', 'taken'))
  }
}

/**
 * Customers: sign-up with a sales channel token (email and password), and a signed-in customer reading and
 * changing itself. Its status follows its placed orders: prospect, then acquired, then repeat.
 */
export const customers: ResourceDef = {
  type: 'customers',
  table: 'cl_customers_with_orders',
  attributes: {
    email: attr.string('email', { filter: true, sort: true }),
    status: attr.computed((row) => {
      const orders = Number(row.total_orders_count ?? 0)
      return orders === 0 ? 'prospect' : orders === 1 ? 'acquired' : 'repeat'
    }, 'string'),
    has_password: attr.computed((row) => row.password_hash !== null, 'boolean'),
    total_orders_count: attr.integer('total_orders_count'),
    ...commonAttributes(),
  },
  relationships: {
    customer_addresses: hasMany('customer_addresses', 'customer_id'),
    customer_payment_sources: hasMany('customer_payment_sources', 'customer_id'),
    orders: hasMany('orders', 'customer_id'),
  },
  ...customerOwned('id'),
  writes: {
    attributes: {
      email: { schema: z.email('is invalid').transform((email) => email.trim()), create: true, update: true },
      password: { schema: z.string(), create: true, update: true },
      ...commonWrites,
    },
    relationships: {},
  },
  async create(call, input) {
    const { email, password } = input.attributes
    if (email === undefined) throw validationError(invalid('email', "can't be blank", 'blank'))
    refuseTakenEmail(call, email as string)
    const hash = await passwordHash(password)
    const id = newResourceId()
    const now = nowIso(call.api)
    call.api.store.transaction(() => {
      // Checked again after hashing: another sign-up with this email may have finished meanwhile.
      refuseTakenEmail(call, email as string)
      call.api.store.run(
        'INSERT INTO cl_customers (id, email, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
        id,
        email,
        hash ?? null,
        now,
        now,
      )
      writeCommonFields(call, 'cl_customers', id, input.attributes)
    })
    return customerById(call, id)
  },
  async update(call, row, input) {
    const { email, password } = input.attributes
    const hash = await passwordHash(password)
    call.api.store.transaction(() => {
      const now = nowIso(call.api)
      if (email !== undefined) {
        refuseTakenEmail(call, email as string, row.id)
        call.api.store.run('UPDATE cl_customers SET email = ?, updated_at = ? WHERE id = ?', email, now, row.id)
      }
      if (hash)
        call.api.store.run('UPDATE cl_customers SET password_hash = ?, updated_at = ? WHERE id = ?', hash, now, row.id)
      writeCommonFields(call, 'cl_customers', row.id, input.attributes)
    })
    return customerById(call, row.id)
  },
}

const unprefixed = (row: Row, prefix: string): Row =>
  Object.fromEntries(
    Object.entries(row).map(([key, value]) => [key.startsWith(prefix) ? key.slice(prefix.length) : key, value]),
  ) as Row

const customerAddressById = (call: ApiCall, id: string) =>
  call.api.store.get<Row>('SELECT * FROM cl_customer_addresses_with_address WHERE id = ?', id) as Row

/** The address a book entry points at: one the caller can see, which then belongs to the customer alone. */
function bookAddress(call: ApiCall, reference: unknown): AddressRow {
  const pointer = relationshipPointer('address')
  if (!reference) throw validationError(invalid('address', "can't be blank", 'blank', pointer))
  const { id } = reference as { id: string }
  const address = call.api.store.get<AddressRow>('SELECT * FROM cl_addresses WHERE id = ?', id)
  if (!address || !canSeeAddress(call, address)) throw errors.recordNotFound(id, pointer)
  return address
}

/** A customer's address book: entries pointing at addresses, managed by the customer itself. */
export const customerAddresses: ResourceDef = {
  type: 'customer_addresses',
  table: 'cl_customer_addresses_with_address',
  attributes: {
    name: attr.computed((row) => addressName(unprefixed(row, 'address_')), 'string'),
    customer_email: attr.string('customer_email', { filter: true }),
    ...commonAttributes(),
  },
  relationships: {
    customer: belongsTo('customers', 'customer_id'),
    address: belongsTo('addresses', 'address_id'),
  },
  ...customerOwned(),
  writes: {
    attributes: { customer_email: { schema: z.email('is invalid'), create: true }, ...commonWrites },
    relationships: {
      customer: { types: ['customers'], create: true },
      address: { types: ['addresses'], create: true, update: true },
    },
  },
  create(call, input) {
    const customerId = call.caller.customerId
    if (!customerId) throw errors.unauthorized()
    const customer = input.relationships.customer as { id: string } | null | undefined
    if (customer && customer.id !== customerId)
      throw errors.recordNotFound(customer.id, relationshipPointer('customer'))
    const address = bookAddress(call, input.relationships.address)
    const { store } = call.api
    return store.transaction(() => {
      const id = newResourceId()
      const now = nowIso(call.api)
      const email = store.get<{ email: string }>('SELECT email FROM cl_customers WHERE id = ?', customerId)?.email ?? ''
      store.run('UPDATE cl_addresses SET owner_customer_id = ? WHERE id = ?', customerId, address.id)
      store.run(
        'INSERT INTO cl_customer_addresses (id, customer_id, address_id, customer_email, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
        id,
        customerId,
        address.id,
        email,
        now,
        now,
      )
      writeCommonFields(call, 'cl_customer_addresses', id, input.attributes)
      return customerAddressById(call, id)
    })
  },
  update(call, row, input) {
    const { store } = call.api
    return store.transaction(() => {
      if ('address' in input.relationships) {
        const address = bookAddress(call, input.relationships.address)
        store.run('UPDATE cl_addresses SET owner_customer_id = ? WHERE id = ?', row.customer_id, address.id)
        store.run(
          'UPDATE cl_customer_addresses SET address_id = ?, updated_at = ? WHERE id = ?',
          address.id,
          nowIso(call.api),
          row.id,
        )
      }
      writeCommonFields(call, 'cl_customer_addresses', row.id, input.attributes)
      return customerAddressById(call, row.id)
    })
  },
  destroy(call, row) {
    call.api.store.run('DELETE FROM cl_customer_addresses WHERE id = ?', row.id)
  },
}
