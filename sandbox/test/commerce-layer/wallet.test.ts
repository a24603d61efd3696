import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, customerToken, expectStatus, type ResourceObject } from './api-helpers'
import {
  addLineItem,
  createKlarnaPayment,
  createOrder,
  fillCheckout,
  patchOrder,
  readyOrder,
  startShop,
  type Catalogue,
} from './checkout'
import {
  KLARNA_SANDBOX_API_KEY,
  KLARNA_SANDBOX_API_SECRET,
  NEW_CUSTOMER_EMAIL,
  RETURNING_CUSTOMER_EMAIL,
  RETURNING_CUSTOMER_KLARNA_TOKEN,
} from '../../src/seed-constants'
import type { TestSandbox } from '../helpers'

const klarnaAuthorization = `Basic ${Buffer.from(`${KLARNA_SANDBOX_API_KEY}:${KLARNA_SANDBOX_API_SECRET}`).toString('base64')}`

describe('the wallet: saving a Klarna source and paying with it again', () => {
  let sandbox: TestSandbox
  let guest: string
  let catalogue: Catalogue
  beforeAll(async () => {
    ;({ sandbox, guest, catalogue } = await startShop())
  })
  afterAll(() => sandbox.close())

  const klarnaToken = async (token: string) => {
    const response = await fetch(`${sandbox.origin}/klarna/customer-token/v1/tokens/${token}`, {
      headers: { Authorization: klarnaAuthorization },
    })
    return (await response.json()) as { status: string; payment_method_type: string }
  }
  const klarnaOrders = async (query: string) => {
    const response = await fetch(`${sandbox.origin}/klarna/sandbox/orders?${query}`)
    return ((await response.json()) as { data: { source: string; order_amount: number }[] }).data
  }
  const save = (token: string, orderId: string) =>
    patchOrder(
      sandbox.origin,
      token,
      orderId,
      { attributes: { _save_payment_source_to_customer_wallet: true } },
      '?include=available_customer_payment_sources',
    )

  it('saves the source of a placed order once, however often it is saved', async () => {
    const token = await customerToken(sandbox.origin, NEW_CUSTOMER_EMAIL)
    const { orderId, paymentId } = await readyOrder(sandbox.origin, token, catalogue)
    expectStatus(await patchOrder(sandbox.origin, token, orderId, { attributes: { _place: true } }), 200)
    const saved = expectStatus(await save(token, orderId), 200)
    const source = saved.included?.[0] as ResourceObject
    expect(saved.data.relationships.available_customer_payment_sources?.data).toEqual([
      { type: 'customer_payment_sources', id: source.id },
    ])
    expect(source.attributes).toEqual({
      customer_token: expect.any(String),
      name: 'Klarna · Pay later · c•••@email.us',
      payment_source_token: expect.stringMatching(/^[0-9a-f-]{36}$/),
      created_at: expect.any(String),
      updated_at: expect.any(String),
      reference: null,
      metadata: {},
    })
    expect(await klarnaToken(source.attributes.payment_source_token as string)).toEqual({
      status: 'ACTIVE',
      payment_method_type: 'INVOICE',
    })
    const withSource = expectStatus(
      await api(sandbox.origin, token, 'GET', `customer_payment_sources/${source.id}?include=payment_source`),
      200,
    )
    expect(withSource.included?.[0]).toMatchObject({ type: 'klarna_payments', id: paymentId })

    const again = expectStatus(await save(token, orderId), 200)
    expect(again.included?.map((resource) => resource.id)).toEqual([source.id])
    expect(expectStatus(await api(sandbox.origin, token, 'GET', 'customer_payment_sources'), 200).data).toHaveLength(1)
  })

  it("refuses a guest's save as Commerce Layer does (401 Access denied), and one without the auth_token with a 422", async () => {
    const { origin } = sandbox
    const { orderId } = await readyOrder(origin, guest, catalogue)
    const asGuest = await save(guest, orderId)
    expect(asGuest.status).toBe(401)
    expect(asGuest.body.errors).toEqual([
      {
        title: 'Access denied',
        detail: 'You are not authorized to perform this action on the requested resource.',
        code: 'UNAUTHORIZED',
        status: '401',
      },
    ])
    const token = await customerToken(origin, NEW_CUSTOMER_EMAIL)
    const order = await createOrder(origin, token)
    expectStatus(await addLineItem(origin, token, order.id, 'MUG-STONE-350', 1), 201)
    await fillCheckout(origin, token, order.id, catalogue)
    expectStatus(await createKlarnaPayment(origin, token, order.id), 201)
    const noAuthToken = await save(token, order.id)
    expect(noAuthToken.status).toBe(422)
    expect(noAuthToken.body.errors?.[0]?.detail).toMatch(/auth_token: authorize with Klarna/)
  })

  it('pays a second order with the saved source: no widget, the customer token charged once', async () => {
    const { origin } = sandbox
    const token = await customerToken(origin, RETURNING_CUSTOMER_EMAIL)
    const order = await createOrder(origin, token)
    expectStatus(await addLineItem(origin, token, order.id, 'BOARD-WALNUT-40', 1), 201)
    await fillCheckout(origin, token, order.id, catalogue)
    const offered = expectStatus(
      await api(origin, token, 'GET', `orders/${order.id}?include=available_customer_payment_sources`),
      200,
    )
    const sourceId = offered.included?.[0]?.id as string
    expect(offered.included?.[0]?.attributes.payment_source_token).toBe(RETURNING_CUSTOMER_KLARNA_TOKEN)

    const reused = expectStatus(
      await patchOrder(
        origin,
        token,
        order.id,
        { attributes: { _customer_payment_source_id: sourceId } },
        '?include=payment_source,payment_method',
      ),
      200,
    )
    const payment = reused.included?.find((resource) => resource.type === 'klarna_payments') as ResourceObject
    expect(payment.attributes).toMatchObject({
      session_id: null,
      client_token: null,
      auth_token: null,
      mismatched_amounts: false,
    })
    expect(reused.included?.find((resource) => resource.type === 'payment_methods')?.id).toBe(catalogue.klarnaMethodId)

    const before = await klarnaOrders(`customer_token=${RETURNING_CUSTOMER_KLARNA_TOKEN}`)
    const placed = expectStatus(await patchOrder(origin, token, order.id, { attributes: { _place: true } }), 200)
    expect(placed.data.attributes).toMatchObject({ status: 'placed', payment_status: 'authorized' })
    const after = await klarnaOrders(`customer_token=${RETURNING_CUSTOMER_KLARNA_TOKEN}`)
    expect(after.length - before.length).toBe(1)
    expect(after.at(-1)).toMatchObject({ source: 'customer_token', order_amount: 5500 })
    // Already in the wallet: saving it again changes nothing.
    expect(expectStatus(await save(token, order.id), 200).included).toHaveLength(1)
  })

  it('pays with a saved source and places in one request', async () => {
    const { origin } = sandbox
    const token = await customerToken(origin, RETURNING_CUSTOMER_EMAIL)
    const order = await createOrder(origin, token)
    expectStatus(await addLineItem(origin, token, order.id, 'TOWEL-LINEN-SAGE', 2), 201)
    await fillCheckout(origin, token, order.id, catalogue)
    const sourceId = expectStatus(await api(origin, token, 'GET', 'customer_payment_sources'), 200).data[0]?.id
    const placed = await patchOrder(origin, token, order.id, {
      attributes: { _customer_payment_source_id: sourceId, _place: true },
    })
    expect(expectStatus(placed, 200).data.attributes).toMatchObject({ status: 'placed', total_amount_cents: 2900 })
  })

  it("answers another customer's source id exactly as an unknown one", async () => {
    const { origin } = sandbox
    const returning = await customerToken(origin, RETURNING_CUSTOMER_EMAIL)
    const theirs = expectStatus(await api(origin, returning, 'GET', 'customer_payment_sources'), 200).data[0]
      ?.id as string
    const token = await customerToken(origin, NEW_CUSTOMER_EMAIL)
    const order = await createOrder(origin, token)
    expectStatus(await addLineItem(origin, token, order.id, 'MUG-STONE-350', 1), 201)
    const foreign = await patchOrder(origin, token, order.id, { attributes: { _customer_payment_source_id: theirs } })
    const unknown = await patchOrder(origin, token, order.id, {
      attributes: { _customer_payment_source_id: 'NoSuchIdAa' },
    })
    expect(foreign.status).toBe(422)
    expect(foreign.body).toEqual(unknown.body)
    expect((await api(origin, token, 'GET', `customer_payment_sources/${theirs}`)).status).toBe(404)
    expect((await api(origin, token, 'DELETE', `customer_payment_sources/${theirs}`)).status).toBe(404)
    const guestOrder = await createOrder(origin, guest)
    const none = expectStatus(
      await api(origin, guest, 'GET', `orders/${guestOrder.id}?include=available_customer_payment_sources`),
      200,
    )
    expect(none.data.relationships.available_customer_payment_sources?.data).toEqual([])
    expect((await api(origin, guest, 'GET', 'customer_payment_sources')).status).toBe(401)
  })

  it('refuses direct creation, and deletes a source by cancelling its Klarna customer token', async () => {
    const { origin } = sandbox
    const token = await customerToken(origin, NEW_CUSTOMER_EMAIL)
    const create = await api(origin, token, 'POST', 'customer_payment_sources', {
      type: 'customer_payment_sources',
      attributes: {},
    })
    expect(create.status).toBe(401)
    const source = expectStatus(await api(origin, token, 'GET', 'customer_payment_sources'), 200)
      .data[0] as ResourceObject
    const renamed = await api(origin, token, 'PATCH', `customer_payment_sources/${source.id}`, {
      type: 'customer_payment_sources',
      id: source.id,
      attributes: { reference: 'main', metadata: { label: 'mine' } },
    })
    expect(expectStatus(renamed, 200).data.attributes).toMatchObject({ reference: 'main', metadata: { label: 'mine' } })
    const rename = await api(origin, token, 'PATCH', `customer_payment_sources/${source.id}`, {
      type: 'customer_payment_sources',
      id: source.id,
      attributes: { name: 'x' },
    })
    expect(rename.status).toBe(400)
    expect((await api(origin, token, 'DELETE', `customer_payment_sources/${source.id}`)).status).toBe(204)
    expect(await klarnaToken(source.attributes.payment_source_token as string)).toMatchObject({ status: 'CANCELLED' })
    expect((await api(origin, token, 'GET', `customer_payment_sources/${source.id}`)).status).toBe(404)
    expect(expectStatus(await api(origin, token, 'GET', 'customer_payment_sources'), 200).data).toEqual([])
  })
})
