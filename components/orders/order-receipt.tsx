import { OrderTotals } from '@/components/ui/order-totals'
import type { Address, OrderDetails } from '@/lib/commerce-layer/orders'
import { countryName } from '@/lib/countries'
import { formatDate } from '@/lib/dates'
import { formatMoney } from '@/lib/money'

function AddressBlock({ title, address }: { title: string; address: Address | null }) {
  return (
    <div>
      <h3 className="text-sm font-semibold">{title}</h3>
      {address ? (
        <address className="mt-1 text-sm leading-relaxed text-ink-soft not-italic">
          {address.fullName}
          <br />
          {address.line1}
          <br />
          {address.zipCode} {address.city}
          <br />
          {countryName(address.countryCode)}
        </address>
      ) : (
        <p className="mt-1 text-sm text-ink-soft">—</p>
      )}
    </div>
  )
}

/** An order as a receipt: items, totals, addresses, delivery and how it was paid. */
export function OrderReceipt({ order }: { order: OrderDetails }) {
  const money = (cents: number) => formatMoney({ cents, currency: order.currency })
  return (
    <div className="space-y-8">
      <p className="text-sm text-ink-soft">
        Order{' '}
        <span className="font-semibold text-ink" data-testid="order-number">
          #{order.number}
        </span>
        {order.placedAt && <> · placed {formatDate(order.placedAt)}</>}
      </p>
      <section aria-labelledby="items-heading">
        <h2 id="items-heading" className="text-lg font-semibold">
          Items
        </h2>
        <ul className="mt-2 divide-y divide-stone-200 border-y border-stone-200">
          {order.lines.map((line) => (
            <li key={line.id} className="flex justify-between gap-4 py-3 text-sm">
              <span>
                {line.name} <span className="text-ink-soft">× {line.quantity}</span>
              </span>
              <span className="font-medium">{money(line.totalCents)}</span>
            </li>
          ))}
        </ul>
        <OrderTotals
          className="mt-4"
          currency={order.currency}
          subtotalCents={order.subtotalCents}
          shipping={{
            label: `Shipping${order.shippingMethodName ? ` (${order.shippingMethodName})` : ''}`,
            cents: order.shippingCents,
          }}
          taxCents={order.taxCents}
          totalCents={order.totalCents}
          totalTestId="order-total"
        />
      </section>
      <section aria-labelledby="details-heading" className="grid gap-6 sm:grid-cols-3">
        <h2 id="details-heading" className="sr-only">
          Delivery and payment
        </h2>
        <AddressBlock title="Billing address" address={order.billingAddress} />
        <AddressBlock title="Shipping address" address={order.shippingAddress} />
        <div>
          <h3 className="text-sm font-semibold">Payment</h3>
          <p className="mt-1 text-sm text-ink-soft" data-testid="payment-method">
            Klarna{order.paymentDescription ? ` · ${order.paymentDescription}` : ''}
          </p>
        </div>
      </section>
    </div>
  )
}
