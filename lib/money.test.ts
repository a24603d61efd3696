import { describe, expect, it } from 'vitest'
import { formatMoney } from './money'

describe('formatMoney', () => {
  it('formats euro cents with two decimals', () => {
    expect(formatMoney({ cents: 1800, currency: 'EUR' })).toBe('€18.00')
    expect(formatMoney({ cents: 1450, currency: 'EUR' })).toBe('€14.50')
    expect(formatMoney({ cents: 0, currency: 'EUR' })).toBe('€0.00')
  })

  it('keeps large amounts exact with grouping', () => {
    expect(formatMoney({ cents: 123456789, currency: 'EUR' })).toBe('€1,234,567.89')
  })

  it('follows the locale and the currency', () => {
    expect(formatMoney({ cents: 1800, currency: 'EUR' }, 'de-DE')).toBe('18,00\u00a0€')
    expect(formatMoney({ cents: 19900, currency: 'SEK' }, 'sv-SE')).toBe('199,00\u00a0kr')
  })
})
