import { describe, expect, it, vi } from 'vitest'
import { decideOneClick, payWithSavedSource, type SavedSourceAssociation } from './one-click'
import type { CommerceLayerClient } from './client'

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

/** An order as the association's answer carries it: complete, paid by Klarna, `sources` its customer's own. */
const associationAnswer = (sources: string[]) => ({
  status: 'pending',
  customer_email: 'r@example.com',
  billing_address: { id: 'ba' },
  shipping_address: { id: 'sa' },
  shipments: [{ shipping_method: { id: 'std' } }],
  available_customer_payment_sources: sources.map((id) => ({ id })),
  payment_method: { payment_source_type: 'klarna_payments' },
  payment_source: { type: 'klarna_payments' },
})

const placedAnswer = { id: 'ord1', status: 'placed', customer: { id: 'cust1' }, line_items: [] }

/** An error shaped as the SDK throws for an API answer (`CommerceLayerStatic.isApiError` reads these fields). */
function refusedBy(status: number): Error {
  return Object.assign(new Error('refused'), {
    name: 'ApiError',
    type: 'response',
    status,
    errors: [{ code: 'VALIDATION_ERROR', detail: 'refused', source: { pointer: '/data' } }],
  })
}

/** A client whose `orders.update` answers each request in turn; the requests it got are in `sent`. */
function clientAnswering(...answers: (object | Error)[]) {
  const sent: Record<string, unknown>[] = []
  const update = vi.fn(async (body: Record<string, unknown>) => {
    sent.push(body)
    const answer = answers.shift()
    if (answer instanceof Error) throw answer
    return answer
  })
  return { client: { orders: { update } } as unknown as CommerceLayerClient, sent }
}

describe('payWithSavedSource', () => {
  it('associates, then places, and answers with the placed order', async () => {
    const { client, sent } = clientAnswering(associationAnswer(['src1']), placedAnswer)
    const payment = await payWithSavedSource(client, 'ord1', 'src1')
    expect(payment.outcome).toBe('placed')
    expect(sent).toEqual([
      { id: 'ord1', _customer_payment_source_id: 'src1' },
      { id: 'ord1', _place: true },
    ])
  })

  it('takes a source not among the customer’s own off the order again, and places nothing', async () => {
    const { client, sent } = clientAnswering(associationAnswer(['mine']), {})
    expect(await payWithSavedSource(client, 'ord1', 'theirs')).toEqual({
      outcome: 'refused',
      reason: 'not-in-wallet',
      byCommerceLayer: false,
    })
    expect(sent[1]).toEqual({ id: 'ord1', _nullify_payment_source: true })
    expect(sent).toHaveLength(2)
  })

  it('reads a 422 at the association as a source that is not this customer’s', async () => {
    const { client, sent } = clientAnswering(refusedBy(422))
    expect(await payWithSavedSource(client, 'ord1', 'src1')).toEqual({
      outcome: 'refused',
      reason: 'not-in-wallet',
      byCommerceLayer: true,
    })
    expect(sent).toHaveLength(1)
  })

  it('reads a 422 at _place, after a complete association, as Klarna declining the token', async () => {
    const { client } = clientAnswering(associationAnswer(['src1']), refusedBy(422))
    expect(await payWithSavedSource(client, 'ord1', 'src1')).toEqual({
      outcome: 'refused',
      reason: 'declined',
      byCommerceLayer: true,
    })
  })

  it('leaves a busy Commerce Layer (429) to the caller, who says so in words', async () => {
    const { client } = clientAnswering(associationAnswer(['src1']), refusedBy(429))
    await expect(payWithSavedSource(client, 'ord1', 'src1')).rejects.toMatchObject({ status: 429 })
  })
})
