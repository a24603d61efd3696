import type { CommerceLayerClient } from './client'

/** Creates a customer account; the sales channel's token may do this, which is how sign-up works. */
export async function createCustomer(client: CommerceLayerClient, email: string, password: string): Promise<string> {
  const customer = await client.customers.create({ email, password })
  return customer.id
}

/**
 * Attaches a guest's cart to the signed-in customer: Commerce Layer gives an order to the customer whose token
 * touches it, so one update with the customer's token (and their email on the order) is the whole hand-over.
 */
export async function adoptOrder(customerClient: CommerceLayerClient, orderId: string, email: string): Promise<void> {
  await customerClient.orders.update({ id: orderId, customer_email: email })
}

/** The customer's address book, newest first: the ids checkout clones addresses from. */
export async function listSavedAddressIds(customerClient: CommerceLayerClient): Promise<string[]> {
  const entries = await customerClient.customer_addresses.list({ sort: { created_at: 'desc' }, pageSize: 25, fields: { customer_addresses: ['id'] } })
  return entries.map((entry) => entry.id)
}
