const SYMBOLS: Record<string, string> = { EUR: '€', USD: '$', GBP: '£' }

/**
 * Commerce Layer's `formatted_*` amounts: currency symbol first, `.` between thousands and `,` before cents for
 * EUR (e.g. 119000 → "€1.190,00"), the format the real API returns for a euro market.
 */
export function formatMoney(cents: number, currency: string): string {
  const negative = cents < 0
  const absolute = Math.abs(cents)
  const units = Math.floor(absolute / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.')
  const fraction = String(absolute % 100).padStart(2, '0')
  return `${negative ? '-' : ''}${SYMBOLS[currency] ?? `${currency} `}${units},${fraction}`
}

/**
 * The tax inside a tax-included amount, rounded the way Klarna checks it:
 * `total - round(total * 10000 / (10000 + rate))`, with the rate in basis points (2200 = 22 %).
 */
export function includedTax(totalCents: number, taxRate: number): number {
  const basisPoints = Math.round(taxRate * 10_000)
  return totalCents - Math.round((totalCents * 10_000) / (10_000 + basisPoints))
}
