'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { failed, succeeded, type ActionResult } from '@/components/ui/action-state'
import { addToCart, createCart, getCart, removeLineItem, setLineItemQuantity } from '@/lib/commerce-layer/cart'
import { describeCommerceLayerError, isRateLimited } from '@/lib/commerce-layer/errors'
import { resourceIdSchema } from '@/lib/commerce-layer/schemas'
import { CHOOSE_QUANTITY, LINE_GONE, STORE_BUSY, STORE_UNAVAILABLE } from '@/lib/messages'
import { readCartId, shopperClient, writeCartId, writeCartItemCount } from '@/lib/shopper'

// Server actions are public endpoints: every input is parsed, and a line item is touched only when it is
// in the cart this browser's cookie points at. Each action records the cart's new item count for the header
// (lib/shopper's cartItemCount); writing that cookie is also what makes Next.js render the header afresh.

const quantitySchema = z.coerce.number().int().min(1).max(99)
const addSchema = z.object({ skuCode: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/), quantity: quantitySchema })
const lineSchema = z.object({ lineItemId: resourceIdSchema })
const updateSchema = lineSchema.extend({ quantity: quantitySchema })

export async function addToCartAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const input = addSchema.safeParse({ skuCode: formData.get('skuCode'), quantity: formData.get('quantity') })
  if (!input.success) return failed(CHOOSE_QUANTITY)
  const { skuCode, quantity } = input.data

  try {
    const client = await shopperClient()
    const cartId = await readCartId()
    let cart = cartId ? await getCart(client, cartId) : null
    if (!cart) {
      // No cart yet, or the cookie points at an order that is placed, cancelled or gone: start a new one.
      const newCartId = await createCart(client)
      await writeCartId(newCartId)
      cart = { id: newCartId, currency: 'EUR', lines: [], itemCount: 0, subtotalCents: 0 }
    }
    await addToCart(client, cart.id, skuCode, quantity)
    await writeCartItemCount(cart.id, cart.itemCount + quantity)
  } catch (error) {
    return failed(explainCartError(error))
  }
  revalidatePath('/cart')
  return succeeded(quantity === 1 ? 'Added to your cart.' : `Added ${quantity} to your cart.`)
}

/** "Check out instead" when Buy now could not pay: the product into the cart, then checkout. */
export async function addToCartAndCheckoutAction(previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const result = await addToCartAction(previous, formData)
  if (result.status !== 'success') return result
  redirect('/checkout')
}

export async function updateQuantityAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const input = updateSchema.safeParse({ lineItemId: formData.get('lineItemId'), quantity: formData.get('quantity') })
  if (!input.success) return failed(CHOOSE_QUANTITY)

  try {
    const client = await shopperClient()
    const found = await findLineInCart(client, input.data.lineItemId)
    if (!found) return failed(LINE_GONE)
    const { cart, line } = found
    await setLineItemQuantity(client, line.id, input.data.quantity)
    await writeCartItemCount(cart.id, cart.itemCount - line.quantity + input.data.quantity)
    revalidatePath('/cart')
    return succeeded(`${line.name}: quantity ${input.data.quantity}.`)
  } catch (error) {
    return failed(explainCartError(error))
  }
}

export async function removeFromCartAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const input = lineSchema.safeParse({ lineItemId: formData.get('lineItemId') })
  if (!input.success) return failed(LINE_GONE)

  try {
    const client = await shopperClient()
    const found = await findLineInCart(client, input.data.lineItemId)
    if (!found) return failed(LINE_GONE)
    const { cart, line } = found
    await removeLineItem(client, line.id)
    await writeCartItemCount(cart.id, cart.itemCount - line.quantity)
    revalidatePath('/cart')
    return succeeded(`Removed ${line.name} from your cart.`)
  } catch (error) {
    return failed(explainCartError(error))
  }
}

async function findLineInCart(client: Awaited<ReturnType<typeof shopperClient>>, lineItemId: string) {
  const cartId = await readCartId()
  const cart = cartId ? await getCart(client, cartId) : null
  const line = cart?.lines.find((candidate) => candidate.id === lineItemId)
  return cart && line ? { cart, line } : null
}

function explainCartError(error: unknown): string {
  // Refused under the rate limit: nothing changed, the cart is as it was.
  if (isRateLimited(error)) return STORE_BUSY
  const problem = describeCommerceLayerError(error)
  if (!problem) {
    console.error('Cart action failed:', error)
    return STORE_UNAVAILABLE
  }
  if (problem.status === 422 && problem.attribute === 'quantity') {
    return "We don't have that many in stock. Try a smaller quantity."
  }
  if (problem.status === 422) return "This product can't be added right now. Please try another."
  if (problem.status >= 500) return STORE_UNAVAILABLE
  return 'That change could not be made. Please reload the page and try again.'
}
