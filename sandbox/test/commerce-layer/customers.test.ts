import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, customerToken, expectStatus, requestToken } from './api-helpers'
import { addLineItem, createAddress, createOrder, patchOrder, readyOrder, startShop, type Catalogue } from './checkout'
import { NEW_CUSTOMER_EMAIL, RETURNING_CUSTOMER_EMAIL } from '../../src/seed-constants'
import type { TestSandbox } from '../helpers'

describe('customers, their token, their address book', () => {
  let sandbox: TestSandbox
  let guest: string
  let catalogue: Catalogue
  beforeAll(async () => {
    ;({ sandbox, guest, catalogue } = await startShop())
  })
  afterAll(() => sandbox.close())

  const signUp = (email: unknown, password: unknown) =>
    api(sandbox.origin, guest, 'POST', 'customers', {
      type: 'customers',
      attributes: { email, password },
      relationships: {},
    })

  it('signs a customer up with the sales channel token, who can then sign in', async () => {
    const created = expectStatus(await signUp('ada@example.com', 'correct horse'), 201).data
    expect(created.attributes).toMatchObject({
      email: 'ada@example.com',
      status: 'prospect',
      has_password: true,
      total_orders_count: 0,
    })
    expect(JSON.stringify(created)).not.toContain('correct horse')
    const token = await requestToken(sandbox.origin, {
      grant_type: 'password',
      username: 'ada@example.com',
      password: 'correct horse',
    })
    expect(token.body.owner_id).toBe(created.id)
  })

  it('refuses a taken email (whatever its case), a short password and a missing email with 422', async () => {
    const taken = await signUp(NEW_CUSTOMER_EMAIL.toUpperCase(), 'long enough')
    expect(taken.status).toBe(422)
    expect(taken.body.errors).toEqual([
      {
        title: 'has already been taken',
        detail: 'email - has already been taken',
        code: 'VALIDATION_ERROR',
        status: '422',
        source: { pointer: '/data/attributes/email' },
        meta: { error: 'taken' },
      },
    ])
    const short = await signUp('short@example.com', 'short')
    expect(short.body.errors?.[0]).toMatchObject({
      detail: 'password - is too short (minimum is 8 characters)',
      source: { pointer: '/data/attributes/password' },
    })
    const noEmail = await api(sandbox.origin, guest, 'POST', 'customers', {
      type: 'customers',
      attributes: { password: 'long enough' },
    })
    expect(noEmail.body.errors?.[0]?.detail).toBe("email - can't be blank")
    const badEmail = await signUp('nope', 'long enough')
    expect(badEmail.body.errors?.[0]?.detail).toBe('email - is invalid')
  })

  it('lets a customer read itself only', async () => {
    const token = await customerToken(sandbox.origin, NEW_CUSTOMER_EMAIL)
    const me = expectStatus(await api(sandbox.origin, token, 'GET', 'customers'), 200)
    expect(me.data.map((customer) => customer.attributes.email)).toEqual([NEW_CUSTOMER_EMAIL])
    const returning = await customerToken(sandbox.origin, RETURNING_CUSTOMER_EMAIL)
    const other = expectStatus(await api(sandbox.origin, returning, 'GET', 'customers'), 200).data[0]?.id as string
    expect((await api(sandbox.origin, token, 'GET', `customers/${other}`)).status).toBe(404)
    expect((await api(sandbox.origin, guest, 'GET', `customers/${other}`)).status).toBe(401)
    expect((await api(sandbox.origin, guest, 'GET', 'customers')).status).toBe(401)
  })

  it('attaches a guest order to the customer whose token touches it', async () => {
    const order = await createOrder(sandbox.origin, guest, { customer_email: 'someone@example.com' })
    const token = await customerToken(sandbox.origin, NEW_CUSTOMER_EMAIL)
    expect((await api(sandbox.origin, token, 'GET', `orders/${order.id}`)).status).toBe(200)
    const touched = expectStatus(await addLineItem(sandbox.origin, token, order.id, 'MUG-STONE-350', 1), 201)
    expect(touched.data.attributes.quantity).toBe(1)
    const attached = expectStatus(await api(sandbox.origin, token, 'GET', `orders/${order.id}?include=customer`), 200)
    expect(attached.data.attributes).toMatchObject({ guest: false, customer_email: NEW_CUSTOMER_EMAIL })
    expect(attached.included?.[0]).toMatchObject({ type: 'customers', attributes: { email: NEW_CUSTOMER_EMAIL } })
    expect((await api(sandbox.origin, guest, 'GET', `orders/${order.id}`)).status).toBe(404)
    const mine = expectStatus(await api(sandbox.origin, token, 'GET', 'orders?filter[q][status_in]=draft,pending'), 200)
    expect(mine.data.map((candidate) => candidate.id)).toContain(order.id)
  })

  it('seeds the returning customer: a placed order, a saved address and a saved Klarna source', async () => {
    const token = await customerToken(sandbox.origin, RETURNING_CUSTOMER_EMAIL)
    const orders = expectStatus(await api(sandbox.origin, token, 'GET', 'orders?include=line_items'), 200)
    expect(orders.data.map((order) => order.attributes.status)).toEqual(['placed'])
    expect(orders.data[0]?.attributes).toMatchObject({
      skus_count: 3,
      total_amount_cents: 6200,
      payment_status: 'authorized',
    })
    const book = expectStatus(await api(sandbox.origin, token, 'GET', 'customer_addresses?include=address'), 200)
    expect(book.data).toHaveLength(1)
    expect(book.data[0]?.attributes.name).toBe('Rita Rossi, Via Roma 12, 20121 Milano MI (IT) +39 02 1234 5678')
    const wallet = expectStatus(await api(sandbox.origin, token, 'GET', 'customer_payment_sources'), 200)
    expect(wallet.data.map((source) => source.attributes)).toEqual([
      expect.objectContaining({
        name: 'Klarna · Pay later · r•••@example.com',
        payment_source_token: '5f3d8a2e-7b1c-4e09-9a6d-2c8b4f1e7a90',
      }),
    ])
    const me = expectStatus(await api(sandbox.origin, token, 'GET', 'customers'), 200)
    expect(me.data[0]?.attributes).toMatchObject({ status: 'acquired', total_orders_count: 1 })
  })

  it('keeps an address book: entries of its own, cloned into orders, saved from orders once', async () => {
    const { origin } = sandbox
    const ada = await customerToken(origin, 'ada@example.com', 'correct horse')
    const address = await createAddress(origin, ada)
    const entry = expectStatus(
      await api(origin, ada, 'POST', 'customer_addresses', {
        type: 'customer_addresses',
        relationships: { address: { data: { type: 'addresses', id: address.id } } },
      }),
      201,
    ).data
    expect(entry.attributes.customer_email).toBe('ada@example.com')
    const other = await customerToken(origin, NEW_CUSTOMER_EMAIL)
    expect((await api(origin, other, 'GET', `customer_addresses/${entry.id}`)).status).toBe(404)
    expect((await api(origin, other, 'GET', `addresses/${address.id}`)).status).toBe(404)
    expect((await api(origin, guest, 'GET', 'customer_addresses')).status).toBe(401)
    expect((await api(origin, ada, 'DELETE', `customer_addresses/${entry.id}`)).status).toBe(204)
    expect(expectStatus(await api(origin, ada, 'GET', 'customer_addresses'), 200).data).toEqual([])

    // An order placed with "save to address book" adds the address once, however often it is saved.
    for (let round = 0; round < 2; round++) {
      const { orderId } = await readyOrder(origin, ada, catalogue)
      expectStatus(
        await patchOrder(origin, ada, orderId, {
          attributes: { _save_billing_address_to_customer_address_book: true },
        }),
        200,
      )
      expectStatus(await patchOrder(origin, ada, orderId, { attributes: { _place: true } }), 200)
    }
    const book = expectStatus(await api(origin, ada, 'GET', 'customer_addresses?include=address'), 200)
    expect(book.data[0]?.id).not.toBe(entry.id)
    expect(book.data.map((saved) => saved.attributes.name)).toEqual([
      'Giulia Bianchi, Via Dante 7, 10121 Torino TO (IT) +39 011 555 0101',
    ])
    const guestOrder = await createOrder(origin, guest)
    const refused = await patchOrder(origin, guest, guestOrder.id, {
      attributes: { _save_shipping_address_to_customer_address_book: true },
    })
    expect(refused.status).toBe(422)
    expect(refused.body.errors?.[0]?.source).toEqual({
      pointer: '/data/attributes/_save_shipping_address_to_customer_address_book',
    })
  })
})
