import { Thumbnail } from '@/components/catalog'
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
      <dl className="mt-4 space-y-1 border-t border-stone-200 pt-4 text-sm">
        <div className="flex justify-between">
          <dt>Subtotal</dt>
          <dd>{money(checkout.subtotalCents)}</dd>
        </div>
        <div className="flex justify-between">
          <dt>Shipping</dt>
          <dd>
            {checkout.shippingMethodId
              ? checkout.shippingCents === 0
                ? 'Free'
                : money(checkout.shippingCents)
              : 'Chosen below'}
          </dd>
        </div>
        <div className="flex justify-between text-ink-soft">
          <dt>Of which VAT</dt>
          <dd>{money(checkout.taxCents)}</dd>
        </div>
        <div className="flex justify-between border-t border-stone-200 pt-2 text-base font-semibold">
          <dt>Total</dt>
          <dd data-testid="checkout-total">{money(checkout.totalCents)}</dd>
        </div>
      </dl>
    </section>
  )
}
