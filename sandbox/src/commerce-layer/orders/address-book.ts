import { findOrder } from './rows'
import { newResourceId } from '../../ids'
import { nowIso, type ApiCall } from '../api'
import { ADDRESS_FIELDS, cloneAddress } from '../resources/addresses'
import type { AddressRow } from './rows'

/**
 * `_save_billing_address_to_customer_address_book` / `_save_shipping_address_to_customer_address_book`: applied
 * when the order is placed (at once if it already is). The customer gets a copy of the address in their book,
 * unless an identical one is there already (a sandbox choice: Commerce Layer does not say).
 */
export function saveOrderAddressesToBook(call: ApiCall, orderId: string): void {
  const { store } = call.api
  const order = findOrder(store, orderId)
  if (!order?.customer_id) return
  const wanted = [
    order.save_billing_address_to_book ? order.billing_address_id : null,
    order.save_shipping_address_to_book ? order.shipping_address_id : null,
  ].filter((id): id is string => id !== null)
  for (const addressId of new Set(wanted)) {
    const address = store.get<AddressRow>('SELECT * FROM cl_addresses WHERE id = ?', addressId)
    if (address) addToBook(call, order.customer_id, address)
  }
  store.run(
    'UPDATE cl_orders SET save_billing_address_to_book = 0, save_shipping_address_to_book = 0 WHERE id = ?',
    orderId,
  )
}

function addToBook(call: ApiCall, customerId: string, address: AddressRow): void {
  const { store } = call.api
  const saved = store.all<AddressRow>(
    'SELECT a.* FROM cl_customer_addresses ca JOIN cl_addresses a ON a.id = ca.address_id WHERE ca.customer_id = ?',
    customerId,
  )
  if (
    saved.some((candidate) => ADDRESS_FIELDS.every((field) => (candidate[field] ?? null) === (address[field] ?? null)))
  )
    return
  const customer = store.get<{ email: string }>('SELECT email FROM cl_customers WHERE id = ?', customerId)
  const copy = cloneAddress(call, address, customerId)
  const now = nowIso(call.api)
  store.run(
    'INSERT INTO cl_customer_addresses (id, customer_id, address_id, customer_email, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    newResourceId(),
    customerId,
    copy.id,
    customer?.email ?? '',
    now,
    now,
  )
}
