'use server'

import { redirect } from 'next/navigation'
import { z } from 'zod'
import { failed, type ActionResult } from '@/components/ui/action-state'
import { currentCustomer } from '@/lib/auth/session'
import { addToCart, createCart } from '@/lib/commerce-layer/cart'
import { commerceLayerClient } from '@/lib/commerce-layer/client'
import { describeCommerceLayerError } from '@/lib/commerce-layer/errors'
import { getOrderDetails, isOrderVisibleTo } from '@/lib/commerce-layer/orders'
import { resourceIdSchema } from '@/lib/commerce-layer/schemas'
import { STORE_UNAVAILABLE } from '@/lib/messages'
import { writeCartId, writeCartItemCount } from '@/lib/shopper'

const orderSchema = z.object({ orderId: resourceIdSchema })

/**
 * "Buy again" on a past order: its items in a new cart, then checkout, where the saved address, delivery and the
 * one-click button are ready. A public endpoint: it checks the session and that the order is the customer's own
 * and placed. What is out of stock now is left out; when nothing is left, it says so and changes nothing.
 */
export async function buyAgainAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const customer = await currentCustomer()
  if (!customer) return failed('Please sign in again to buy this again.')
  const input = orderSchema.safeParse({ orderId: formData.get('orderId') })
  if (!input.success) return failed('That order is not in your account.')

  const client = commerceLayerClient(customer.accessToken)
  try {
    const order = await getOrderDetails(client, input.data.orderId)
    if (!isOrderVisibleTo(order, customer.customerId)) return failed('That order is not in your account.')
    const lines = order.lines.filter((line) => line.skuCode)
    if (lines.length === 0) return failed('This order has nothing that can be bought again.')

    const cartId = await createCart(client)
    let added = 0
    let itemCount = 0
    for (const line of lines) {
      try {
        await addToCart(client, cartId, line.skuCode, line.quantity)
        added += 1
        itemCount += line.quantity
      } catch (error) {
        // Out of stock (or not sold any more): the rest can still be bought.
        if (describeCommerceLayerError(error)?.status !== 422) throw error
      }
    }
    if (added === 0) return failed("None of this order's items are in stock right now.")
    await writeCartId(cartId)
    await writeCartItemCount(cartId, itemCount)
  } catch (error) {
    console.error('Buy again failed:', error)
    return failed(STORE_UNAVAILABLE)
  }
  redirect('/checkout')
}
