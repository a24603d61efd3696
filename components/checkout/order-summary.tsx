import { Thumbnail } from '@/components/catalog'
import { OrderTotals } from '@/components/ui/order-totals'
import type { Checkout } from '@/lib/commerce-layer/checkout'
import { formatMoney } from '@/lib/money'

export function OrderSummary({ checkout }: { checkout: Checkout }) {
  const money = (cents: number) => formatMoney({ cents, currency: checkout.currency })
  return (
    <section aria-labelledby="summary-heading" className="rounded-2xl border border-stone-200 bg-white p-6">
      <h2 id="summary-heading" className="text-lg font-semibold">
        Order summary
      </h2>
      <ul className="mt-4 space-y-3">
        {checkout.lines.map((line) => (
          <li key={line.id} className="flex items-center gap-3 text-sm">
            <Thumbnail src={line.imageUrl} className="size-12 rounded-lg" />
            <span className="flex-1">
              {line.name} <span className="text-ink-soft">× {line.quantity}</span>
            </span>
            <span className="font-medium">{money(line.totalCents)}</span>
          </li>
        ))}
      </ul>
      <OrderTotals
        className="mt-4 border-t border-stone-200 pt-4"
        currency={checkout.currency}
        subtotalCents={checkout.subtotalCents}
        shipping={
          checkout.shippingMethodId
            ? { label: 'Shipping', cents: checkout.shippingCents }
            : { label: 'Shipping', pending: 'Chosen below' }
        }
        taxCents={checkout.taxCents}
        totalCents={checkout.totalCents}
        totalTestId="checkout-total"
      />
    </section>
  )
}
