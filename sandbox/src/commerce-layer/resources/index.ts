import { addresses } from './addresses'
import {
  klarnaGateways,
  markets,
  paymentGateways,
  paymentMethods,
  priceLists,
  prices,
  shippingMethods,
  skus,
  stockItems,
} from './catalog'
import { customerPaymentSources } from './customer-payment-sources'
import { customerAddresses, customers } from './customers'
import { deliveryLeadTimes, stockLineItems, stockLocations, stockTransfers } from './fulfilment'
import { klarnaPayments } from './klarna-payments'
import { lineItems } from './line-items'
import { lineItemOptions, skuOptions } from './options'
import { orders } from './orders'
import { organizations } from './organization'
import { shipments } from './shipments'
import type { ResourceDef } from '../api'

/** Every resource type the Commerce Layer stand-in serves under /api. */
export const commerceLayerResources: readonly ResourceDef[] = [
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
  organizations,
  stockLocations,
  stockLineItems,
  stockTransfers,
  deliveryLeadTimes,
  skuOptions,
  lineItemOptions,
]
