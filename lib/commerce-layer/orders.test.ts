import { describe, expect, it } from 'vitest'
import { describeKlarnaPlan } from './orders'

describe('describeKlarnaPlan', () => {
  it("names Klarna's authorized payment methods as the dialog does", () => {
    expect(describeKlarnaPlan({ type: 'invoice', number_of_days: 30 })).toBe('Pay in 30 days')
    expect(describeKlarnaPlan({ type: 'fixed_amount', number_of_installments: 3 })).toBe('Pay in 3 instalments')
    expect(describeKlarnaPlan({ type: 'direct_debit' })).toBe('Pay now')
    expect(describeKlarnaPlan({ type: 'invoice' })).toBe('Pay later')
    expect(describeKlarnaPlan({ type: 'pay_by_bank' })).toBe('Pay by bank')
  })

  it('says nothing about what it cannot read', () => {
    expect(describeKlarnaPlan(null)).toBeNull()
    expect(describeKlarnaPlan({ days: 3 })).toBeNull()
  })
})
