import 'server-only'
import { getBuyNowProfile } from '@/lib/commerce-layer/buy-now'
import { countryName } from '@/lib/countries'
import type { Shopper } from '@/lib/shopper'
import type { BuyNowOffer } from './buy-now-form'

/**
 * What a product page offers for Buy now: the default saved source and the saved address, or null for a guest
 * and for a customer missing either (who sees no Buy now at all). One Commerce Layer request, for customers only;
 * a failed read just shows no Buy now.
 */
export async function buyNowOfferFor({ client, customer }: Shopper): Promise<BuyNowOffer | null> {
  if (!customer) return null
  try {
    const { address, sources } = await getBuyNowProfile(client, customer.customerId)
    const source = sources.find((candidate) => candidate.isDefault)
    if (!address || !source) return null
    return {
      sourceId: source.id,
      sourceName: source.name,
      shipTo: `to ${address.fullName}, ${address.city}, ${countryName(address.countryCode)}`,
    }
  } catch (error) {
    console.error('Buy now: reading the customer failed:', error)
    return null
  }
}
