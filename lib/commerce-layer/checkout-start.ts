import { z } from 'zod'
import { selectShippingMethod } from './checkout'
import type { Checkout } from './checkout'
import type { CommerceLayerClient } from './client'

/**
 * An order started from what Commerce Layer already knows about a customer: a saved address and the default
 * shipping method. Checkout does it when a signed-in customer opens it, Buy now for its own new order.
 */

const shipmentsSchema = z.object({
  shipments: z
    .array(z.object({ id: z.string(), available_shipping_methods: z.array(z.object({ id: z.string() })).nullish() }))
    .nullish(),
})

/**
 * The saved address for billing and shipping (`_billing_address_clone_id`, `_shipping_address_clone_id`), in the
 * same request reading back the shipment it gives the order and the shipment's shipping methods, then the default
 * (first) method on it. Two requests: Commerce Layer sets a shipment's method only on the shipment. Answers false
 * when Commerce Layer offers no shipping method for that address (the address is set; the delivery is not).
 */
export async function shipToSavedAddress(
  customerClient: CommerceLayerClient,
  orderId: string,
  addressId: string,
): Promise<boolean> {
  const order = shipmentsSchema.parse(
    await customerClient.orders.update(
      { id: orderId, _billing_address_clone_id: addressId, _shipping_address_clone_id: addressId },
      {
        include: ['shipments.available_shipping_methods'],
        fields: { orders: ['shipments'], shipments: ['available_shipping_methods'], shipping_methods: ['name'] },
      },
    ),
  )
  const shipment = order.shipments?.[0]
  const method = shipment?.available_shipping_methods?.[0]
  if (!shipment || !method) return false
  await selectShippingMethod(customerClient, shipment.id, method.id)
  return true
}

/**
 * When a signed-in customer opens checkout, the order starts from their newest saved address and the default
 * shipping method, so that nothing is left to fill and one click can pay. The address book comes with the order
 * (`getCheckout(…, { withSavedAddresses: true })`), and the shipment is read from the address's own answer, so
 * this costs the two writes and nothing else. Answers whether anything changed.
 */
export async function startCheckoutForCustomer(
  customerClient: CommerceLayerClient,
  checkout: Checkout,
): Promise<boolean> {
  const [addressId] = checkout.savedAddressIds
  if (!checkout.billingAddress && !checkout.shippingAddress && addressId) {
    await shipToSavedAddress(customerClient, checkout.id, addressId)
    return true
  }
  const defaultMethod = checkout.shippingOptions[0]
  if (checkout.shipmentId && !checkout.shippingMethodId && defaultMethod) {
    await selectShippingMethod(customerClient, checkout.shipmentId, defaultMethod.id)
    return true
  }
  return false
}
