/**
 * What an order needs before it can be paid for, whichever way it is paid (Klarna's widget or a saved source):
 * one rule, read from whichever view of the order a caller holds.
 */

/** Something the order still lacks, in the order a shopper fills the checkout page. */
export type PaymentGap = 'email' | 'billing_address' | 'shipping_address' | 'shipping_method'

export type PaymentPrerequisites = {
  email: boolean
  billingAddress: boolean
  shippingAddress: boolean
  shippingMethod: boolean
}

export function missingBeforePayment(has: PaymentPrerequisites): PaymentGap[] {
  const missing: PaymentGap[] = []
  if (!has.email) missing.push('email')
  if (!has.billingAddress) missing.push('billing_address')
  if (!has.shippingAddress) missing.push('shipping_address')
  if (!has.shippingMethod) missing.push('shipping_method')
  return missing
}
