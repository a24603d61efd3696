import { formatMoney } from '@/lib/money'

type Props = {
  currency: string
  subtotalCents: number
  /** The shipping row's label ("Shipping (Standard)") and what it shows: a price, "Free", or a word while unknown. */
  shipping: { label: string; cents: number } | { label: string; pending: string }
  taxCents: number
  totalCents: number
  /** The total's test id, so a spec reads the amount it means (checkout's or the receipt's). */
  totalTestId: string
  className?: string
}

/** An order's totals as checkout and the receipt show them: subtotal, shipping, the VAT within, the total. */
export function OrderTotals({
  currency,
  subtotalCents,
  shipping,
  taxCents,
  totalCents,
  totalTestId,
  className,
}: Props) {
  const money = (cents: number) => formatMoney({ cents, currency })
  const shippingShown = 'pending' in shipping ? shipping.pending : shipping.cents === 0 ? 'Free' : money(shipping.cents)
  return (
    <dl className={`space-y-1 text-sm ${className ?? ''}`}>
      <div className="flex justify-between">
        <dt>Subtotal</dt>
        <dd>{money(subtotalCents)}</dd>
      </div>
      <div className="flex justify-between">
        <dt>{shipping.label}</dt>
        <dd>{shippingShown}</dd>
      </div>
      <div className="flex justify-between text-ink-soft">
        <dt>Of which VAT</dt>
        <dd>{money(taxCents)}</dd>
      </div>
      <div className="flex justify-between border-t border-stone-200 pt-2 text-base font-semibold">
        <dt>Total</dt>
        <dd data-testid={totalTestId}>{money(totalCents)}</dd>
      </div>
    </dl>
  )
}
