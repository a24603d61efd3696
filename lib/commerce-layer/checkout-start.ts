import { selectShippingMethod, cloneSavedAddress } from './checkout'
import { listSavedAddressIds } from './customers'
import type { Checkout } from './checkout'
import type { CommerceLayerClient } from './client'

/**
 * When a signed-in customer opens checkout, the order starts from what Commerce Layer already knows about them:
 * their saved address (`_billing_address_clone_id`, `_shipping_address_clone_id`) and the default (first)
 * shipping method, so that nothing is left to fill and one click can pay. Answers whether anything changed.
 */
export async function startCheckoutForCustomer(
  customerClient: CommerceLayerClient,
  checkout: Checkout,
): Promise<boolean> {
  let changed = false
  if (!checkout.billingAddress && !checkout.shippingAddress) {
    const [addressId] = await listSavedAddressIds(customerClient)
    if (addressId) {
      await cloneSavedAddress(customerClient, checkout.id, addressId)
      changed = true
    }
  }
  const defaultMethod = checkout.shippingOptions[0]
  if (checkout.shipmentId && !checkout.shippingMethodId && defaultMethod) {
    await selectShippingMethod(customerClient, checkout.shipmentId, defaultMethod.id)
    changed = true
  }
  return changed
}
