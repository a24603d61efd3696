import { z } from 'zod'
import { isNotFound } from './errors'
import { lineItemSchema } from './schemas'
import type { CommerceLayerClient } from './client'
import type { QueryParamsRetrieve, Order } from '@commercelayer/sdk'

/**
 * The cart is a Commerce Layer order still in `draft` or `pending`. Its id is all a guest needs to reach it,
 * so the storefront keeps it in an httpOnly cookie and never trusts a line item id it did not read itself.
 */

export type CartLine = {
  id: string
  skuCode: string
  name: string
  imageUrl: string | null
  quantity: number
  unitCents: number
  totalCents: number
}

export type Cart = {
  id: string
  currency: string
  lines: CartLine[]
  itemCount: number
  subtotalCents: number
}

/** An order still `draft` or `pending` is a cart: open to changes, and not yet an order anyone is shown. */
export function isCartStatus(status: string): boolean {
  return status === 'draft' || status === 'pending'
}

const cartOrderSchema = z.object({
  id: z.string(),
  status: z.string(),
  currency_code: z.string().nullish(),
  subtotal_amount_cents: z.number().int().nullish(),
  line_items: z.array(lineItemSchema).nullish(),
})

const CART_QUERY = {
  include: ['line_items'],
  fields: {
    orders: ['status', 'currency_code', 'subtotal_amount_cents', 'line_items'],
    line_items: ['item_type', 'sku_code', 'name', 'image_url', 'quantity', 'unit_amount_cents', 'total_amount_cents'],
  },
} satisfies QueryParamsRetrieve<Order>

function toCart(raw: unknown): Cart | null {
  const order = cartOrderSchema.parse(raw)
  if (!isCartStatus(order.status)) return null
  // Shipping and payment costs are line items too; the cart lists only what the shopper picked.
  const lines = (order.line_items ?? [])
    .filter((line) => line.item_type === 'skus' && line.sku_code)
    .map((line) => ({
      id: line.id,
      skuCode: line.sku_code as string,
      name: line.name ?? (line.sku_code as string),
      imageUrl: line.image_url ?? null,
      quantity: line.quantity,
      unitCents: line.unit_amount_cents ?? 0,
      totalCents: line.total_amount_cents ?? 0,
    }))
    .sort((a, b) => a.name.localeCompare(b.name))
  return {
    id: order.id,
    currency: order.currency_code ?? 'EUR',
    lines,
    itemCount: lines.reduce((count, line) => count + line.quantity, 0),
    subtotalCents: order.subtotal_amount_cents ?? lines.reduce((sum, line) => sum + line.totalCents, 0),
  }
}

/** The open order behind a cart id, or null when it is unknown, not ours, placed or cancelled. */
export async function getCart(client: CommerceLayerClient, orderId: string): Promise<Cart | null> {
  try {
    return toCart(await client.orders.retrieve(orderId, CART_QUERY))
  } catch (error) {
    if (isNotFound(error)) return null
    throw error
  }
}

/** A new, empty draft order in the token's market. */
export async function createCart(client: CommerceLayerClient): Promise<string> {
  const order = await client.orders.create({ language_code: 'en' })
  return order.id
}

/** Adds a SKU to the cart; a SKU already in it gets its quantity raised instead of a second line. */
export async function addToCart(
  client: CommerceLayerClient,
  orderId: string,
  skuCode: string,
  quantity: number,
): Promise<void> {
  await client.line_items.create({
    sku_code: skuCode,
    quantity,
    _update_quantity: true,
    order: client.orders.relationship(orderId),
  })
}

export async function setLineItemQuantity(
  client: CommerceLayerClient,
  lineItemId: string,
  quantity: number,
): Promise<void> {
  await client.line_items.update({ id: lineItemId, quantity })
}

export async function removeLineItem(client: CommerceLayerClient, lineItemId: string): Promise<void> {
  await client.line_items.delete(lineItemId)
}
