import type { ResourceDef } from '../jsonapi/resource'
import { addresses } from './addresses'
import { klarnaGateways, markets, paymentGateways, paymentMethods, priceLists, prices, shippingMethods, skus, stockItems } from './catalog'
import { customerAddresses, customers } from './customers'
import { customerPaymentSources } from './customer-payment-sources'
import { klarnaPayments } from './klarna-payments'
import { lineItems } from './line-items'
import { orders } from './orders'
import { shipments } from './shipments'

/** Every resource type the Commerce Layer stand-in serves under /api. */
export const coreResources: readonly ResourceDef[] = [
  markets,
  priceLists,
  skus,
  prices,
  stockItems,
  shippingMethods,
  paymentMethods,
  paymentGateways,
  klarnaGateways,
  customers,
  customerAddresses,
  addresses,
  orders,
  lineItems,
  shipments,
  klarnaPayments,
  customerPaymentSources,
]
