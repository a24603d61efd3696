import { z } from 'zod'
import { addToCart } from './cart'
import { toWalletEntries, type WalletEntry } from './wallet'
import type { CommerceLayerClient } from './client'

/**
 * Buy now: a new order for one product, from what Commerce Layer already holds for the customer (the address book
 * and the wallet). The payment itself is checkout's one-click (wallet.ts); this module makes the order it pays.
 */

export type SavedAddress = { id: string; fullName: string; city: string; countryCode: string }

export type BuyNowProfile = {
  /** The newest address of the customer's address book. */
  address: SavedAddress | null
  /** The wallet, the default marked. */
  sources: WalletEntry[]
}

const profileSchema = z.object({
  customer_addresses: z
    .array(
      z.object({
        created_at: z.string(),
        address: z
          .object({
            id: z.string(),
            full_name: z.string().nullish(),
            first_name: z.string().nullish(),
            last_name: z.string().nullish(),
            city: z.string(),
            country_code: z.string(),
          })
          .nullish(),
      }),
    )
    .nullish(),
  customer_payment_sources: z.array(z.unknown()).nullish(),
})

/**
 * One request for all Buy now needs to know about a customer: `GET /api/customers/:id` with their address book and
 * wallet included (a customer token reaches only its own customer, so what comes back is theirs).
 */
export async function getBuyNowProfile(
  customerClient: CommerceLayerClient,
  customerId: string,
): Promise<BuyNowProfile> {
  const customer = profileSchema.parse(
    await customerClient.customers.retrieve(customerId, {
      include: ['customer_addresses.address', 'customer_payment_sources'],
      fields: {
        customers: ['customer_addresses', 'customer_payment_sources'],
        customer_addresses: ['created_at', 'address'],
        addresses: ['full_name', 'first_name', 'last_name', 'city', 'country_code'],
        customer_payment_sources: ['name', 'created_at', 'metadata'],
      },
    }),
  )
  const [newest] = (customer.customer_addresses ?? [])
    .filter((entry) => entry.address)
    .sort((a, b) => b.created_at.localeCompare(a.created_at))
  const address = newest?.address
  const sources = toWalletEntries(customer.customer_payment_sources ?? []).sort((a, b) =>
    b.savedAt.localeCompare(a.savedAt),
  )
  return {
    address: address
      ? {
          id: address.id,
          fullName: address.full_name ?? [address.first_name, address.last_name].filter(Boolean).join(' '),
          city: address.city,
          countryCode: address.country_code,
        }
      : null,
    sources,
  }
}

/**
 * A new order holding just this product and quantity: `POST /api/orders` (with the customer's email, which the
 * customer's token would give it anyway, so it is `pending` as soon as it has the line), then `POST /api/line_items`.
 */
export async function createSingleProductOrder(
  customerClient: CommerceLayerClient,
  { email, skuCode, quantity }: { email: string; skuCode: string; quantity: number },
): Promise<string> {
  const order = await customerClient.orders.create({ language_code: 'en', customer_email: email })
  await addToCart(customerClient, order.id, skuCode, quantity)
  return order.id
}
