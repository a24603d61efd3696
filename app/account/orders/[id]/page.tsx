import Link from 'next/link'
import { notFound } from 'next/navigation'
import { AccountNav } from '@/components/account/account-nav'
import { OrderStatus } from '@/components/account/order-status'
import { BuyAgainButton } from '@/components/orders/buy-again-button'
import { OrderReceipt } from '@/components/orders/order-receipt'
import { requireCustomer } from '@/lib/auth/session'
import { commerceLayerClient } from '@/lib/commerce-layer/client'
import { getOrderDetails, isOrderVisibleTo } from '@/lib/commerce-layer/orders'
import { isResourceId } from '@/lib/commerce-layer/schemas'
import type { Metadata } from 'next'

export const metadata: Metadata = { title: 'Order details' }

type Props = { params: Promise<{ id: string }> }

export default async function AccountOrderPage({ params }: Props) {
  const { id } = await params
  const customer = await requireCustomer(`/account/orders/${encodeURIComponent(id)}`)
  // The customer's own token: Commerce Layer answers 404 for anyone else's order, and so do we.
  const order = isResourceId(id) ? await getOrderDetails(commerceLayerClient(customer.accessToken), id) : null
  if (!isOrderVisibleTo(order, customer.customerId)) notFound()

  return (
    <section>
      <AccountNav current="/account/orders" />
      <Link href="/account/orders" className="text-sm text-ink-soft underline-offset-4 hover:underline">
        ← All orders
      </Link>
      <div className="mt-3 mb-6 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">Order #{order.number}</h1>
        <OrderStatus status={order.status} />
        <div className="ml-auto">
          <BuyAgainButton orderId={order.id} orderNumber={order.number} />
        </div>
      </div>
      <OrderReceipt order={order} />
    </section>
  )
}
