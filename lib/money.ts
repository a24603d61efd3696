/**
 * Money is integer cents everywhere; it becomes text only here, at the edge, with Intl.NumberFormat.
 */
export type Money = { cents: number; currency: string }

const formatters = new Map<string, Intl.NumberFormat>()

export function formatMoney({ cents, currency }: Money, locale = 'en-IE'): string {
  const key = `${locale}|${currency}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency })
    formatters.set(key, formatter)
  }
  // Commerce Layer's `*_amount_float` is `*_amount_cents / 100`, whatever the currency.
  return formatter.format(cents / 100)
}
