import Link from 'next/link'
import { notFound } from 'next/navigation'
import { OrderReceipt } from '@/components/orders/order-receipt'
import { WalletAfterPurchase } from '@/components/wallet/wallet-after-purchase'
import { commerceLayerClient } from '@/lib/commerce-layer/client'
import { getOrderDetails, isOrderVisibleTo, type OrderDetails } from '@/lib/commerce-layer/orders'
import { isResourceId } from '@/lib/commerce-layer/schemas'
import { getSalesChannelToken } from '@/lib/commerce-layer/token'
import { findWalletEntryForPaymentSource } from '@/lib/commerce-layer/wallet'
import { takeHandedOverOrder } from '@/lib/confirmation-handover'
import { currentShopper, placedOrderIds } from '@/lib/shopper'
import type { Metadata } from 'next'

export const metadata: Metadata = { title: 'Thank you for your order' }

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ wallet?: string }> }

export default async function OrderConfirmationPage({ params, searchParams }: Props) {
  const { id } = await params
  const { wallet } = await searchParams
  if (!isResourceId(id)) notFound()
  const { client, customer } = await currentShopper()
  // What this process's `_place` just answered, when it did (lib/confirmation-handover.ts): no read needed.
  const justPlaced = takeHandedOverOrder(id)

  // Only the order's owner sees it: its customer (whose token reaches only their own orders), or the guest
  // browser that placed it (which remembers the id in an httpOnly cookie).
  let order: OrderDetails | null = null
  if (customer) {
    const mine = justPlaced ?? (await getOrderDetails(client, id))
    if (isOrderVisibleTo(mine, customer.customerId)) order = mine
  }
  if (!order && (await placedOrderIds()).includes(id)) {
    const placedAsGuest =
      (justPlaced?.customerId === null ? justPlaced : null) ??
      (await getOrderDetails(commerceLayerClient(await getSalesChannelToken()), id))
    if (isOrderVisibleTo(placedAsGuest, null)) order = placedAsGuest
  }
  if (!order) notFound()

  const savedEntry =
    customer && order.customerId === customer.customerId && order.paymentSourceId && !order.paidWithSavedSource
      ? await findWalletEntryForPaymentSource(client, order.paymentSourceId)
      : null

  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">Thank you for your order!</h1>
        <p className="mt-2 text-ink-soft">
          We&apos;ve sent a confirmation to {order.customerEmail}. Klarna will tell you how and when to pay.
        </p>
      </header>
      <WalletAfterPurchase
        orderId={order.id}
        signedIn={customer !== null && order.customerId === customer.customerId}
        savedEntry={savedEntry}
        paidWithSavedSource={order.paidWithSavedSource}
        saveFailed={wallet === 'failed'}
      />
      <OrderReceipt order={order} />
      <Link
        href="/"
        className="inline-flex rounded-full bg-brand px-6 py-3 text-sm font-semibold text-white hover:bg-brand-dark"
      >
        Continue shopping
      </Link>
    </div>
  )
}
