import { z } from 'zod'
import type { CommerceLayerClient } from './client'
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

/** Every product of the market, in code order (Commerce Layer pages at 25; the shop shows the first page). */
export async function getProducts(client: CommerceLayerClient): Promise<Product[]> {
  const skus = await client.skus.list({ ...PRODUCT_QUERY, sort: { code: 'asc' }, pageSize: 25 })
  return skus.map(toProduct)
}

/** One product by its SKU code, or null when the market has no such SKU. */
export async function getProduct(client: CommerceLayerClient, code: string): Promise<Product | null> {
  const skus = await client.skus.list({ ...PRODUCT_QUERY, filters: { code_eq: code }, pageSize: 1 })
  const first = skus.first()
  return first ? toProduct(first) : null
}
