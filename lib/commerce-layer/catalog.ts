import { unstable_cache } from 'next/cache'
import { z } from 'zod'
import { env } from '@/lib/env'
import { catalogTags } from './catalog-tags'
import { commerceLayerClient, type CommerceLayerClient } from './client'
import { getSalesChannelToken } from './token'
import type { QueryParamsList, Sku } from '@commercelayer/sdk'

/** A product as the shop shows it: one SKU with its price in the market and whether it can be bought. */
export type Product = {
  id: string
  code: string
  name: string
  description: string
  imageUrl: string | null
  price: { cents: number; currency: string } | null
  stockQuantity: number
}

const skuSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  image_url: z.string().nullish(),
  prices: z.array(z.object({ amount_cents: z.number().int(), currency_code: z.string() })).nullish(),
  stock_items: z.array(z.object({ quantity: z.number().int() })).nullish(),
})

function toProduct(raw: unknown): Product {
  const sku = skuSchema.parse(raw)
  const price = sku.prices?.[0]
  return {
    id: sku.id,
    code: sku.code,
    name: sku.name,
    description: sku.description ?? '',
    imageUrl: sku.image_url ?? null,
    // The sales channel's token is scoped to one market, so Commerce Layer returns that market's price only.
    price: price ? { cents: price.amount_cents, currency: price.currency_code } : null,
    stockQuantity: (sku.stock_items ?? []).reduce((total, item) => total + item.quantity, 0),
  }
}

const PRODUCT_QUERY = {
  include: ['prices', 'stock_items'],
  fields: {
    skus: ['code', 'name', 'description', 'image_url', 'prices', 'stock_items'],
    prices: ['amount_cents', 'currency_code'],
    stock_items: ['quantity'],
  },
} satisfies QueryParamsList<Sku>

/** The market's first 25 SKUs by code, read now (uncached: getProducts is the cached read pages use). */
export async function listProducts(client: CommerceLayerClient): Promise<Product[]> {
  const skus = await client.skus.list({ ...PRODUCT_QUERY, sort: { code: 'asc' }, pageSize: 25 })
  return skus.map(toProduct)
}

/** One SKU by its code, read now (uncached: getProduct is the cached read pages use). */
export async function findProduct(client: CommerceLayerClient, code: string): Promise<Product | null> {
  const skus = await client.skus.list({ ...PRODUCT_QUERY, filters: { code_eq: code }, pageSize: 1 })
  const first = skus.first()
  return first ? toProduct(first) : null
}

/*
 * The catalogue is the same for every shopper of the market, so it is read with the sales channel's token (never a
 * customer's) and kept in Next.js's data cache, keyed and tagged by sales channel and market. Commerce Layer's
 * webhooks revalidate the tags (app/api/webhooks/commerce-layer); the time limit is only a safety net for a
 * webhook that never arrives. Carts, checkout, accounts and the wallet never come through here.
 *
 * Why `unstable_cache` and not `'use cache'` with `cacheTag`/`cacheLife`: those need `cacheComponents: true`, under
 * which every cookie or header read (the layout's account menu, the Content-Security-Policy nonce every page
 * carries, the cart count, the request log's cookie) must sit inside a Suspense boundary, and route segment
 * options change meaning: a rewrite of every page's shape for one cached read per page. The data cache gives the
 * same tags, the same revalidation and the same cache handler (Redis, with REDIS_URL).
 */
const SAFETY_NET_SECONDS = 300
const SKU_CODE = /^[A-Za-z0-9._-]{1,64}$/

function catalogScope() {
  const { clientId, marketScope } = env().commerceLayer
  return { clientId, marketScope }
}

async function salesChannelClient(): Promise<CommerceLayerClient> {
  return commerceLayerClient(await getSalesChannelToken())
}

/** Every product of the market, in code order (Commerce Layer pages at 25; the shop shows the first page). */
export async function getProducts(): Promise<Product[]> {
  const scope = catalogScope()
  const cached = unstable_cache(
    async () => listProducts(await salesChannelClient()),
    ['catalog-list', scope.clientId, scope.marketScope],
    { tags: [catalogTags.all(scope), catalogTags.list(scope)], revalidate: SAFETY_NET_SECONDS },
  )
  return cached()
}

/** One product by its SKU code, or null when the market has no such SKU. */
export async function getProduct(code: string): Promise<Product | null> {
  // Commerce Layer's codes are short and plain; anything else is no product, and never a cache entry.
  if (!SKU_CODE.test(code)) return null
  const scope = catalogScope()
  const cached = unstable_cache(
    async () => findProduct(await salesChannelClient(), code),
    ['catalog-sku', scope.clientId, scope.marketScope, code],
    { tags: [catalogTags.all(scope), catalogTags.sku(scope, code)], revalidate: SAFETY_NET_SECONDS },
  )
  return cached()
}
