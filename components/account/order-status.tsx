const LABELS: Record<string, string> = {
  placed: 'Placed',
  approved: 'Approved',
  cancelled: 'Cancelled',
  pending: 'Pending',
  draft: 'Draft',
}

export function OrderStatus({ status }: { status: string }) {
  const tone = status === 'cancelled' ? 'bg-stone-200 text-ink-soft' : 'bg-brand-light text-brand-dark'
  return <span className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ${tone}`}>{LABELS[status] ?? status}</span>
}

export function paidWith(paymentSourceType: string | null): string {
  if (!paymentSourceType) return '—'
  return paymentSourceType.startsWith('klarna') ? 'Klarna' : paymentSourceType.replaceAll('_', ' ')
}
