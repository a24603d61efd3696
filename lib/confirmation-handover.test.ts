import { afterEach, describe, expect, it, vi } from 'vitest'
import type { OrderDetails } from '@/lib/commerce-layer/orders'

vi.mock('server-only', () => ({}))
const { handOverToConfirmation, takeHandedOverOrder } = await import('./confirmation-handover')

const placed = (id: string): OrderDetails => ({
  id,
  number: '1001',
  status: 'placed',
  placedAt: '2026-12-01T10:00:00Z',
  currency: 'EUR',
  totalCents: 5500,
  paymentSourceType: 'klarna_payments',
  customerEmail: 'r@example.com',
  customerId: 'cust1',
  subtotalCents: 5000,
  shippingCents: 500,
  taxCents: 992,
  lines: [],
  billingAddress: null,
  shippingAddress: null,
  shippingMethodName: 'Standard',
  paymentDescription: 'Pay later',
  paymentSourceId: 'kp1',
  paidWithSavedSource: true,
})

describe('the handover of a just-placed order to its confirmation', () => {
  afterEach(() => vi.useRealTimers())

  it('gives the order to the first render that asks, and to no other', () => {
    handOverToConfirmation(placed('ord1'))
    expect(takeHandedOverOrder('ord1')?.id).toBe('ord1')
    expect(takeHandedOverOrder('ord1')).toBeNull()
  })

  it('gives nothing for an order it was not handed', () => {
    handOverToConfirmation(placed('ord2'))
    expect(takeHandedOverOrder('ord3')).toBeNull()
  })

  it('gives nothing once the handover is older than a few seconds: a later visit reads the order', () => {
    vi.useFakeTimers()
    handOverToConfirmation(placed('ord4'))
    vi.advanceTimersByTime(16_000)
    expect(takeHandedOverOrder('ord4')).toBeNull()
  })

  it('keeps a bounded number of handovers, dropping the oldest', () => {
    for (let index = 0; index < 600; index++) handOverToConfirmation(placed(`bulk${index}`))
    expect(takeHandedOverOrder('bulk0')).toBeNull()
    expect(takeHandedOverOrder('bulk599')?.id).toBe('bulk599')
  })
})
