import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NEW_CUSTOMER_EMAIL, RETURNING_CUSTOMER_EMAIL } from '../../src/seed-constants'
import { startTestSandbox, type TestSandbox } from '../helpers'
import { api, customerToken, expectStatus, guestToken } from './api-helpers'
import {
  addLineItem,
  createAddress,
  createKlarnaPayment,
  createOrder,
  fillCheckout,
  loadCatalogue,
  patchOrder,
} from './checkout'

/** Who may do what, across two customers (Ada: new@, Rita: returning@) and a guest. */
describe('permissions across two customers and a guest', () => {
  let sandbox: TestSandbox
  let guest: string
  let ada: string
  let rita: string
  let adaOrder: string
  let adaLine: string
  let adaShipment: string
  let adaPayment: string
  let adaAddress: string
  let ritaSource: string
  let ritaBookEntry: string

  beforeAll(async () => {
    sandbox = await startTestSandbox()
    const { origin } = sandbox
    guest = await guestToken(origin)
    ada = await customerToken(origin, NEW_CUSTOMER_EMAIL)
    rita = await customerToken(origin, RETURNING_CUSTOMER_EMAIL)
    const catalogue = await loadCatalogue(origin, guest)
    adaOrder = (await createOrder(origin, ada)).id
    adaLine = expectStatus(await addLineItem(origin, ada, adaOrder, 'MUG-STONE-350', 1), 201).data.id
    adaShipment = (await fillCheckout(origin, ada, adaOrder, catalogue)).shipmentId
    adaPayment = expectStatus(await createKlarnaPayment(origin, ada, adaOrder), 201).data.id
    adaAddress = (await createAddress(origin, ada)).id
    ritaSource = expectStatus(await api(origin, rita, 'GET', 'customer_payment_sources'), 200).data[0]?.id as string
    ritaBookEntry = expectStatus(await api(origin, rita, 'GET', 'customer_addresses'), 200).data[0]?.id as string
  })
  afterAll(() => sandbox.close())

  const status = async (token: string, method: string, path: string, body?: unknown) =>
    (await api(sandbox.origin, token, method, path, body)).status

  it("answers 404 to another customer and to a guest for a customer's order and everything in it", async () => {
    for (const token of [rita, guest]) {
      expect(await status(token, 'GET', `orders/${adaOrder}`)).toBe(404)
      expect(await status(token, 'GET', `orders/${adaOrder}/line_items`)).toBe(404)
      expect(await status(token, 'GET', `orders/${adaOrder}/relationships/line_items`)).toBe(404)
      expect(
        await status(token, 'PATCH', `orders/${adaOrder}`, {
          type: 'orders',
          id: adaOrder,
          attributes: { _place: true },
        }),
      ).toBe(404)
      expect(await status(token, 'GET', `line_items/${adaLine}`)).toBe(404)
      expect(await status(token, 'DELETE', `line_items/${adaLine}`)).toBe(404)
      expect(await status(token, 'GET', `shipments/${adaShipment}`)).toBe(404)
      expect(await status(token, 'GET', `klarna_payments/${adaPayment}`)).toBe(404)
      expect(await status(token, 'GET', `addresses/${adaAddress}`)).toBe(404)
      const intoHerOrder = await addLineItem(sandbox.origin, token, adaOrder, 'MUG-STONE-350', 1)
      expect(intoHerOrder.status).toBe(404)
      expect(intoHerOrder.body.errors?.[0]?.source).toEqual({ pointer: '/data/relationships/order' })
      const payForHerOrder = await createKlarnaPayment(sandbox.origin, token, adaOrder)
      expect(payForHerOrder.status).toBe(404)
    }
    const unknown = await api(sandbox.origin, rita, 'GET', 'orders/NoSuchOrdr')
    const hers = await api(sandbox.origin, rita, 'GET', `orders/${adaOrder}`)
    expect(hers.body.errors?.[0]?.title).toBe(unknown.body.errors?.[0]?.title)
  })

  it('lists only what is the caller’s own, and refuses lists to a guest', async () => {
    const ritaOrders = expectStatus(await api(sandbox.origin, rita, 'GET', `orders?filter[q][id_eq]=${adaOrder}`), 200)
    expect(ritaOrders.data).toEqual([])
    expect(
      expectStatus(await api(sandbox.origin, rita, 'GET', 'line_items'), 200).data.every((line) => line.id !== adaLine),
    ).toBe(true)
    expect(expectStatus(await api(sandbox.origin, ada, 'GET', 'orders'), 200).data.map((order) => order.id)).toEqual([
      adaOrder,
    ])
    for (const path of [
      'orders',
      'line_items',
      'shipments',
      'klarna_payments',
      'addresses',
      'customers',
      'customer_addresses',
      'customer_payment_sources',
    ]) {
      expect(await status(guest, 'GET', path)).toBe(401)
    }
  })

  it("keeps a customer's address book and wallet to that customer", async () => {
    expect(await status(ada, 'GET', `customer_addresses/${ritaBookEntry}`)).toBe(404)
    expect(await status(ada, 'GET', `customer_payment_sources/${ritaSource}`)).toBe(404)
    expect(
      await status(ada, 'PATCH', `customer_payment_sources/${ritaSource}`, {
        type: 'customer_payment_sources',
        id: ritaSource,
        attributes: { reference: 'x' },
      }),
    ).toBe(404)
    expect(await status(guest, 'GET', `customer_payment_sources/${ritaSource}`)).toBe(401)
    expect(await status(guest, 'DELETE', `customer_addresses/${ritaBookEntry}`)).toBe(401)
    const foreignClone = await patchOrder(sandbox.origin, rita, (await createOrder(sandbox.origin, rita)).id, {
      attributes: { _billing_address_clone_id: adaAddress },
    })
    expect(foreignClone.status).toBe(422)
    const foreignCustomer = await api(sandbox.origin, ada, 'POST', 'orders', {
      type: 'orders',
      relationships: { customer: { data: { type: 'customers', id: 'SomeoneElse' } } },
    })
    expect(foreignCustomer.status).toBe(404)
  })

  it('lets any token read the catalogue and nobody write it, nor delete a customer', async () => {
    const ritaId = expectStatus(await api(sandbox.origin, rita, 'GET', 'customers'), 200).data[0]?.id as string
    for (const token of [guest, ada]) {
      expect(await status(token, 'GET', 'skus')).toBe(200)
      expect(await status(token, 'POST', 'skus', { type: 'skus', attributes: { code: 'X', name: 'X' } })).toBe(401)
      expect(await status(token, 'DELETE', `customers/${ritaId}`)).toBe(token === guest ? 401 : 404)
    }
    expect(await status(rita, 'DELETE', `customers/${ritaId}`)).toBe(401)
  })
})
