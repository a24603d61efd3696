import type { ResourceDef } from '../jsonapi/resource'
import { klarnaGateways, markets, paymentGateways, paymentMethods, priceLists, prices, shippingMethods, skus, stockItems } from './catalog'

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
]
