import Link from 'next/link'
import { AccountHeader } from '@/components/account/account-header'
import { OrderStatus, paidWith } from '@/components/account/order-status'
import { BuyAgainButton } from '@/components/orders/buy-again-button'
import { requireCustomer } from '@/lib/auth/session'
import { commerceLayerClient } from '@/lib/commerce-layer/client'
import { listCustomerOrders } from '@/lib/commerce-layer/orders'
import { formatDate } from '@/lib/dates'
import { formatMoney } from '@/lib/money'
import type { Metadata } from 'next'

export const metadata: Metadata = { title: 'Your orders' }

export default async function OrdersPage() {
  const customer = await requireCustomer('/account/orders')
  const orders = await listCustomerOrders(commerceLayerClient(customer.accessToken))

  return (
    <section>
      <AccountHeader email={customer.email} current="/account/orders" />
      <h2 className="mb-4 text-lg font-semibold">Orders</h2>
      {orders.length === 0 ? (
        <p className="text-ink-soft">
          No orders yet.{' '}
          <Link href="/" className="font-medium text-ink underline underline-offset-4">
            Start shopping
          </Link>
        </p>
      ) : (
        <div className="overflow-x-auto rounded-2xl border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-stone-200 text-ink-soft">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">
                  Order
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  Date
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  Status
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  Paid with
                </th>
                <th scope="col" className="px-4 py-3 text-right font-medium">
                  Total
                </th>
                <th scope="col" className="px-4 py-3">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {orders.map((order) => (
                <tr key={order.id} data-testid="order-row">
                  <td className="px-4 py-3">
                    <Link href={`/account/orders/${order.id}`} className="font-medium underline underline-offset-4">
                      #{order.number}
                    </Link>
                  </td>
                  <td className="px-4 py-3">{order.placedAt ? formatDate(order.placedAt) : '—'}</td>
                  <td className="px-4 py-3">
                    <OrderStatus status={order.status} />
                  </td>
                  <td className="px-4 py-3">{paidWith(order.paymentSourceType)}</td>
                  <td className="px-4 py-3 text-right font-medium">
                    {formatMoney({ cents: order.totalCents, currency: order.currency })}
                  </td>
                  <td className="px-4 py-2 text-right">
                    <BuyAgainButton orderId={order.id} orderNumber={order.number} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
