import { CommerceLayer, type CommerceLayerBundle } from '@commercelayer/sdk/bundle'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NEW_CUSTOMER_EMAIL } from '../../src/seed-constants'
import { startTestSandbox, type TestSandbox } from '../helpers'
import { customerToken } from './api-helpers'
import { authorizeKlarnaSession, ITALIAN_ADDRESS } from './checkout'

const SDK_ORIGIN = 'https://sandbox.commercelayer.io'

/**
 * The official SDK, unchanged, against the sandbox: one client per token from the bundled entry point, with a
 * fetch that sends https://sandbox.commercelayer.io to the sandbox's origin, as the storefront's client does.
 */
describe('@commercelayer/sdk against the sandbox: the whole flow', () => {
  let sandbox: TestSandbox
  let cl: CommerceLayerBundle
  beforeAll(async () => {
    sandbox = await startTestSandbox()
    const accessToken = await customerToken(sandbox.origin, NEW_CUSTOMER_EMAIL)
    const rewrite: typeof fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
      return fetch(url.startsWith(SDK_ORIGIN) ? sandbox.origin + url.slice(SDK_ORIGIN.length) : url, init)
    }
    cl = CommerceLayer({ organization: 'sandbox', domain: 'commercelayer.io', accessToken, fetch: rewrite })
  })
  afterAll(() => sandbox.close())

  const buy = async (skuCode: string) => {
    const skus = await cl.skus.list({ filters: { code_eq: skuCode }, include: ['prices'] })
    const sku = skus.first()
    const order = await cl.orders.create({ language_code: 'en' })
    await cl.line_items.create({
      quantity: 2,
      order: cl.orders.relationship(order.id),
      item: cl.skus.relationship(sku?.id ?? ''),
    })
    const address = await cl.addresses.create(ITALIAN_ADDRESS)
    const methods = await cl.orders.available_payment_methods(order.id)
    await cl.orders.update({
      id: order.id,
      billing_address: cl.addresses.relationship(address.id),
      shipping_address: cl.addresses.relationship(address.id),
      payment_method: cl.payment_methods.relationship(methods.first()?.id ?? ''),
    })
    const shipments = await cl.orders.shipments(order.id, { include: ['available_shipping_methods'] })
    const shipment = shipments.first()
    const standard = shipment?.available_shipping_methods?.find((method) => method.name === 'Standard')
    await cl.shipments.update({
      id: shipment?.id ?? '',
      shipping_method: cl.shipping_methods.relationship(standard?.id ?? ''),
    })
    return order.id
  }

  it('lists skus with prices, and goes from a new order to the wallet and back', async () => {
    const skus = await cl.skus.list({ include: ['prices'], pageSize: 25 })
    expect(skus).toHaveLength(9)
    expect(skus.getRecordCount()).toBe(9)
    expect(skus.find((sku) => sku.code === 'TEAPOT-CAST-900')?.prices?.[0]?.formatted_amount).toBe('€64,00')

    // First purchase: Klarna widget (the test door stands in for the shopper), auth_token, place, save.
    const firstOrder = await buy('TEAPOT-CAST-900')
    const payment = await cl.klarna_payments.create({ order: cl.orders.relationship(firstOrder) })
    expect(payment.client_token).toEqual(expect.any(String))
    const authorizationToken = await authorizeKlarnaSession(sandbox.origin, payment.session_id ?? '')
    await cl.klarna_payments.update({ id: payment.id, auth_token: authorizationToken })
    const placed = await cl.orders._place(firstOrder)
    expect(placed).toMatchObject({ status: 'placed', payment_status: 'authorized', total_amount_cents: 12800 })
    const saved = await cl.orders._save_payment_source_to_customer_wallet(firstOrder, {
      include: ['available_customer_payment_sources'],
    })
    const source = saved.available_customer_payment_sources?.[0]
    expect(source?.name).toBe('Klarna · Pay later · c•••@email.us')

    // Next purchase: the saved source, no widget.
    const secondOrder = await buy('MUG-STONE-350')
    const offered = await cl.orders.retrieve(secondOrder, { include: ['available_customer_payment_sources'] })
    expect(offered.available_customer_payment_sources?.map((candidate) => candidate.id)).toEqual([source?.id])
    await cl.orders._customer_payment_source_id(secondOrder, source?.id ?? '')
    const placedAgain = await cl.orders._place(secondOrder, { include: ['payment_source', 'line_items'] })
    expect(placedAgain).toMatchObject({ status: 'placed', payment_status: 'authorized', skus_count: 2 })
    expect(placedAgain.payment_source_details).toMatchObject({ type: 'klarna_payment', klarna_id: expect.any(String) })
    expect(placedAgain.line_items?.filter((line) => line.item_type === 'skus').map((line) => line.sku_code)).toEqual([
      'MUG-STONE-350',
    ])

    const wallet = await cl.customer_payment_sources.list()
    expect(Array.from(wallet, (entry) => entry.id)).toEqual([source?.id])
  })

  it('surfaces errors the way the SDK expects them', async () => {
    const error = await cl.orders.retrieve('NoSuchOrdr').catch((caught: unknown) => caught)
    expect(CommerceLayer({ organization: 'sandbox', accessToken: 'x' }).isApiError(error)).toBe(true)
    expect(error).toMatchObject({ status: 404, errors: [expect.objectContaining({ code: 'RECORD_NOT_FOUND' })] })
  })
})
