import { describe, expect, it } from 'vitest'
import { decideOneClick, type SavedSourceAssociation } from './one-click'

const associated: SavedSourceAssociation = {
  status: 'pending',
  availableSourceIds: ['TSSSrwdRto', 'other'],
  missing: [],
  paymentSourceType: 'klarna_payments',
  paymentMethodSourceType: 'klarna_payments',
}

describe('decideOneClick', () => {
  it('places a complete order that now carries one of its customer’s own saved Klarna sources', () => {
    expect(decideOneClick(associated, 'TSSSrwdRto')).toEqual({ next: 'place' })
  })

  it('never pays with a source that is not among the order customer’s own', () => {
    expect(decideOneClick(associated, 'someoneElses')).toEqual({ next: 'refuse', reason: 'not-in-wallet' })
    expect(decideOneClick({ ...associated, availableSourceIds: [] }, 'TSSSrwdRto')).toEqual({
      next: 'refuse',
      reason: 'not-in-wallet',
    })
  })

  it('names what the order lacks before placing it', () => {
    expect(decideOneClick({ ...associated, missing: ['shipping_method'] }, 'TSSSrwdRto')).toEqual({
      next: 'refuse',
      reason: 'incomplete',
      missing: ['shipping_method'],
    })
  })

  it('does not place an order that did not take the saved source', () => {
    expect(decideOneClick({ ...associated, paymentSourceType: null }, 'TSSSrwdRto')).toEqual({
      next: 'refuse',
      reason: 'not-attached',
    })
    expect(decideOneClick({ ...associated, paymentMethodSourceType: 'stripe_payments' }, 'TSSSrwdRto')).toEqual({
      next: 'refuse',
      reason: 'not-attached',
    })
  })

  it('answers an order placed already (an earlier click) as placed, whatever else', () => {
    expect(decideOneClick({ ...associated, status: 'placed', availableSourceIds: [] }, 'x')).toEqual({
      next: 'already-placed',
    })
  })
})
