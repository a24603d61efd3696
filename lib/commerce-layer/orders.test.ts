import { describe, expect, it } from 'vitest'
import { describeKlarnaPlan, isOrderVisibleTo, type OrderDetails } from './orders'
import { isResourceId } from './schemas'

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

describe('isOrderVisibleTo', () => {
  const order = (customerId: string | null, status: string) => ({ customerId, status }) as OrderDetails

  it('shows a placed order to its customer, and a guest order to the guest browser', () => {
    expect(isOrderVisibleTo(order('cust1', 'placed'), 'cust1')).toBe(true)
    expect(isOrderVisibleTo(order('cust1', 'approved'), 'cust1')).toBe(true)
    expect(isOrderVisibleTo(order(null, 'placed'), null)).toBe(true)
  })

  it("never shows another customer's order, a customer's order to a guest, or a cart", () => {
    expect(isOrderVisibleTo(order('cust2', 'placed'), 'cust1')).toBe(false)
    expect(isOrderVisibleTo(order('cust1', 'placed'), null)).toBe(false)
    expect(isOrderVisibleTo(order(null, 'placed'), 'cust1')).toBe(false)
    expect(isOrderVisibleTo(order('cust1', 'draft'), 'cust1')).toBe(false)
    expect(isOrderVisibleTo(order('cust1', 'pending'), 'cust1')).toBe(false)
    expect(isOrderVisibleTo(null, 'cust1')).toBe(false)
  })
})

describe('isResourceId', () => {
  it('accepts a Commerce Layer id and nothing a browser could slip in beside it', () => {
    expect(isResourceId('wBXVhKzrnq')).toBe(true)
    expect(isResourceId('')).toBe(false)
    expect(isResourceId('abc/../def')).toBe(false)
    expect(isResourceId('a'.repeat(65))).toBe(false)
    expect(isResourceId(undefined)).toBe(false)
  })
})
