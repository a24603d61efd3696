import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NEW_CUSTOMER_EMAIL, RETURNING_CUSTOMER_EMAIL } from '../../src/seed-constants'
import { startTestSandbox, type TestSandbox } from '../helpers'
import { api, customerToken, expectStatus, guestToken } from './api-helpers'
import {
  addLineItem,
  createOrder,
  fillCheckout,
  loadCatalogue,
  patchOrder,
  readyOrder,
  type Catalogue,
} from './checkout'

describe('concurrent requests: one placement, one wallet entry', () => {
  let sandbox: TestSandbox
  let catalogue: Catalogue
  beforeAll(async () => {
    sandbox = await startTestSandbox()
    catalogue = await loadCatalogue(sandbox.origin, await guestToken(sandbox.origin))
  })
  afterAll(() => sandbox.close())

  const klarnaOrderCount = async (number: unknown) => {
    const response = await fetch(`${sandbox.origin}/klarna/sandbox/orders?merchant_reference1=${String(number)}`)
    return ((await response.json()) as { data: unknown[] }).data.length
  }
  const placeAtOnce = (token: string, orderId: string, times: number) =>
    Promise.all(
      Array.from({ length: times }, () => patchOrder(sandbox.origin, token, orderId, { attributes: { _place: true } })),
    )

  it('places an order once when five _place arrive together, with one Klarna order', async () => {
    const token = await guestToken(sandbox.origin)
    const { orderId } = await readyOrder(sandbox.origin, token, catalogue)
    const answers = await placeAtOnce(token, orderId, 5)
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 422, 422, 422, 422])
    for (const refused of answers.filter((answer) => answer.status === 422)) {
      expect(refused.body.errors?.[0]?.source).toEqual({ pointer: '/data/attributes/status' })
    }
    const order = expectStatus(await api(sandbox.origin, token, 'GET', `orders/${orderId}`), 200)
    expect(order.data.attributes.status).toBe('placed')
    expect(await klarnaOrderCount(order.data.attributes.number)).toBe(1)
  })

  it('charges a saved customer token once when two _place arrive together', async () => {
    const token = await customerToken(sandbox.origin, RETURNING_CUSTOMER_EMAIL)
    const order = await createOrder(sandbox.origin, token)
    expectStatus(await addLineItem(sandbox.origin, token, order.id, 'MUG-STONE-350', 1), 201)
    await fillCheckout(sandbox.origin, token, order.id, catalogue)
    const sourceId = expectStatus(await api(sandbox.origin, token, 'GET', 'customer_payment_sources'), 200).data[0]?.id
    expectStatus(
      await patchOrder(sandbox.origin, token, order.id, { attributes: { _customer_payment_source_id: sourceId } }),
      200,
    )
    const answers = await placeAtOnce(token, order.id, 2)
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 422])
    expect(await klarnaOrderCount(order.attributes.number)).toBe(1)
  })

  it('keeps exactly one wallet entry when two saves arrive together', async () => {
    const token = await customerToken(sandbox.origin, NEW_CUSTOMER_EMAIL)
    const { orderId } = await readyOrder(sandbox.origin, token, catalogue)
    expectStatus(await patchOrder(sandbox.origin, token, orderId, { attributes: { _place: true } }), 200)
    const answers = await Promise.all(
      [1, 2, 3].map(() =>
        patchOrder(
          sandbox.origin,
          token,
          orderId,
          { attributes: { _save_payment_source_to_customer_wallet: true } },
          '?include=available_customer_payment_sources',
        ),
      ),
    )
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200])
    const ids = answers.map((answer) => answer.body.included?.map((source) => source.id))
    expect(new Set(ids.map((list) => JSON.stringify(list))).size).toBe(1)
    expect(ids[0]).toHaveLength(1)
    expect(expectStatus(await api(sandbox.origin, token, 'GET', 'customer_payment_sources'), 200).data).toHaveLength(1)
  })

  it('takes an order back from a _place that died with its process, after a minute', async () => {
    const token = await guestToken(sandbox.origin)
    const { orderId } = await readyOrder(sandbox.origin, token, catalogue)
    sandbox.db.prepare('UPDATE cl_orders SET placing_started_at = ? WHERE id = ?').run(sandbox.clock.now(), orderId)
    const stuck = await patchOrder(sandbox.origin, token, orderId, { attributes: { _place: true } })
    expect(stuck.status).toBe(422)
    expect(stuck.body.errors?.[0]?.meta).toEqual({ error: 'being_placed' })
    const locked = await addLineItem(sandbox.origin, token, orderId, 'MUG-STONE-350', 1)
    expect(locked.status).toBe(423)
    sandbox.clock.advance(61_000)
    try {
      expectStatus(await patchOrder(sandbox.origin, token, orderId, { attributes: { _place: true } }), 200)
    } finally {
      sandbox.clock.reset()
    }
  })
})
