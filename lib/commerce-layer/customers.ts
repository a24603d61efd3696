import type { CommerceLayerClient } from './client'

/** Creates a customer account; the sales channel's token may do this, which is how sign-up works. */
export async function createCustomer(client: CommerceLayerClient, email: string, password: string): Promise<string> {
  const customer = await client.customers.create({ email, password })
  return customer.id
}

/**
 * Attaches a guest's cart to the signed-in customer: Commerce Layer gives an order to the customer whose token
 * touches it, so one update with the customer's token (and their email on the order) is the whole hand-over.
 * A Klarna payment the guest already opened goes: its session was opened for a guest, so it could never become
 * the customer's saved Klarna; checkout opens a new one for the customer.
 */
export async function adoptOrder(customerClient: CommerceLayerClient, orderId: string, email: string): Promise<void> {
  await customerClient.orders.update({ id: orderId, customer_email: email, _nullify_payment_source: true })
}
