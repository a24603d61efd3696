import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestSandbox, type TestSandbox } from '../helpers'
import { api, expectStatus, guestToken, type ResourceObject } from './api-helpers'
import {
  addLineItem,
  authorizeKlarnaSession,
  createAddress,
  createKlarnaPayment,
  createOrder,
  fillCheckout,
  ITALIAN_ADDRESS,
  loadCatalogue,
  patchOrder,
  payWithKlarna,
  readyOrder,
  type Catalogue,
} from './checkout'

type KlarnaAuditOrder = {
  order_id: string
  merchant_reference1: string
  order_amount: number
  order_tax_amount: number
  source: string
}

describe('orders: a guest checkout through the API', () => {
  let sandbox: TestSandbox
  let token: string
  let catalogue: Catalogue
  const get = (path: string) => api(sandbox.origin, token, 'GET', path)
  const order = async (id: string, include = '') =>
    expectStatus(await get(`orders/${id}${include ? `?include=${include}` : ''}`), 200)
  const klarnaOrders = async (reference: string) => {
    const response = await fetch(`${sandbox.origin}/klarna/sandbox/orders?merchant_reference1=${reference}`)
    return ((await response.json()) as { data: KlarnaAuditOrder[] }).data
  }

  beforeAll(async () => {
    sandbox = await startTestSandbox()
    token = await guestToken(sandbox.origin)
    catalogue = await loadCatalogue(sandbox.origin, token)
  })
  afterAll(() => sandbox.close())

  it('goes draft → pending → placed, with totals in cents, VAT included, and one Klarna order', async () => {
    const { origin } = sandbox
    const created = await createOrder(origin, token)
    expect(created.attributes).toMatchObject({
      status: 'draft',
      payment_status: 'unpaid',
      guest: true,
      currency_code: 'EUR',
      tax_included: true,
      tax_rate: 0.22,
      skus_count: 0,
    })
    expectStatus(await addLineItem(origin, token, created.id, 'MUG-STONE-350', 2), 201)
    expectStatus(await addLineItem(origin, token, created.id, 'BOWL-OAK-24', 1), 201)
    expect((await order(created.id)).data.attributes.status).toBe('draft')
    await fillCheckout(origin, token, created.id, catalogue)
    const pending = (await order(created.id)).data.attributes
    expect(pending).toMatchObject({
      status: 'pending',
      skus_count: 3,
      subtotal_amount_cents: 8400,
      subtotal_amount_float: 84,
      formatted_subtotal_amount: '€84,00',
      shipping_amount_cents: 0,
      // 3600 − round(3600 × 10000 / 12200) + 4800 − round(4800 × 10000 / 12200)
      total_tax_amount_cents: 649 + 866,
      total_amount_cents: 8400,
      formatted_total_amount: '€84,00',
      total_amount_with_taxes_cents: 8400,
      country_code: 'IT',
    })
    await payWithKlarna(origin, token, created.id)
    const placed = expectStatus(await patchOrder(origin, token, created.id, { attributes: { _place: true } }), 200).data
    expect(placed.attributes).toMatchObject({
      status: 'placed',
      payment_status: 'authorized',
      editable: false,
      placed_at: expect.any(String),
    })
    const audit = await klarnaOrders(placed.attributes.number as string)
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ source: 'authorization', order_amount: 8400, order_tax_amount: 1515 })
    expect(placed.attributes.payment_source_details).toEqual({
      type: 'klarna_payment',
      klarna_id: audit[0]?.order_id,
      payment_method_details: {
        fraud_status: 'ACCEPTED',
        authorized_payment_method: { type: 'invoice', number_of_days: 30 },
      },
    })
    const shipments = expectStatus(await get(`orders/${created.id}/shipments`), 200)
    expect(shipments.data[0]?.attributes.status).toBe('upcoming')
    const stock = expectStatus(await get('stock_items?filter[q][sku_code_eq]=BOWL-OAK-24'), 200)
    expect(stock.data[0]?.attributes.quantity).toBe(14)
  })

  it('keeps the shipment and the payment method as line items, and charges Express shipping with its VAT', async () => {
    const { origin } = sandbox
    const created = await createOrder(origin, token)
    expect((await order(created.id, 'shipments')).included).toEqual([])
    expectStatus(await addLineItem(origin, token, created.id, 'CANDLE-FIG-200', 1), 201)
    const { shipmentId } = await fillCheckout(origin, token, created.id, catalogue)
    expectStatus(
      await api(origin, token, 'PATCH', `shipments/${shipmentId}`, {
        type: 'shipments',
        id: shipmentId,
        relationships: { shipping_method: { data: { type: 'shipping_methods', id: catalogue.expressShippingId } } },
      }),
      200,
    )
    const body = await order(created.id, 'line_items,shipments.shipping_method,shipments.available_shipping_methods')
    expect(body.data.attributes).toMatchObject({
      subtotal_amount_cents: 2600,
      shipping_amount_cents: 990,
      shipping_tax_amount_cents: 990 - 811,
      total_amount_cents: 3590,
      skus_count: 1,
    })
    const lines = (body.included ?? []).filter((resource) => resource.type === 'line_items')
    expect(
      lines.map((line) => [line.attributes.item_type, line.attributes.name, line.attributes.total_amount_cents]),
    ).toEqual([
      ['skus', 'Fig Leaf Candle', 2600],
      ['payment_methods', 'Klarna', 0],
      ['shipments', 'Express', 990],
    ])
    const shipment = body.included?.find((resource) => resource.type === 'shipments') as ResourceObject
    expect(shipment.attributes).toMatchObject({
      number: `${body.data.attributes.number}/S/001`,
      cost_amount_cents: 990,
      skus_count: 1,
    })
    expect((shipment.relationships.available_shipping_methods?.data as unknown[]).length).toBe(2)

    // Removing the last SKU removes the shipment and its line item.
    const skuLine = lines[0] as ResourceObject
    expect((await api(origin, token, 'DELETE', `line_items/${skuLine.id}`)).status).toBe(204)
    const empty = await order(created.id, 'line_items,shipments')
    expect(empty.included?.map((resource) => resource.attributes.item_type ?? resource.type)).toEqual([
      'payment_methods',
    ])
    expect(empty.data.attributes).toMatchObject({
      skus_count: 0,
      subtotal_amount_cents: 0,
      shipping_amount_cents: 0,
      total_amount_cents: 0,
    })
  })

  it('checks stock: out of stock, and more than there is, are 422 on quantity', async () => {
    const { origin } = sandbox
    const created = await createOrder(origin, token)
    const none = await addLineItem(origin, token, created.id, 'PLANTER-TERRA-15', 1)
    expect(none.status).toBe(422)
    expect(none.body.errors).toEqual([
      {
        title: 'out of stock',
        detail: 'quantity - out of stock',
        code: 'VALIDATION_ERROR',
        status: '422',
        source: { pointer: '/data/attributes/quantity' },
        meta: { error: 'out_of_stock' },
      },
    ])
    const tooMany = await addLineItem(origin, token, created.id, 'THROW-WOOL-OAT', 11)
    expect(tooMany.status).toBe(422)
    expect(tooMany.body.errors?.[0]).toMatchObject({
      source: { pointer: '/data/attributes/quantity' },
      detail: expect.stringContaining('only 10 available'),
    })
    const line = expectStatus(await addLineItem(origin, token, created.id, 'THROW-WOOL-OAT', 6), 201).data
    const more = await api(origin, token, 'PATCH', `line_items/${line.id}`, {
      type: 'line_items',
      id: line.id,
      attributes: { quantity: 11 },
    })
    expect(more.status).toBe(422)
    const blank = await api(origin, token, 'POST', 'line_items', {
      type: 'line_items',
      attributes: { sku_code: 'MUG-STONE-350' },
      relationships: { order: { data: { type: 'orders', id: created.id } } },
    })
    expect(blank.body.errors?.[0]).toMatchObject({
      detail: "quantity - can't be blank",
      source: { pointer: '/data/attributes/quantity' },
    })
  })

  it('adds to the existing line with _update_quantity, and takes a SKU by item relationship', async () => {
    const { origin } = sandbox
    const created = await createOrder(origin, token)
    expectStatus(await addLineItem(origin, token, created.id, 'VASE-GLASS-AMBER', 1), 201)
    const again = await api(origin, token, 'POST', 'line_items', {
      type: 'line_items',
      attributes: { quantity: 2, _update_quantity: true },
      relationships: {
        order: { data: { type: 'orders', id: created.id } },
        item: { data: { type: 'skus', id: catalogue.skuIds.get('VASE-GLASS-AMBER') } },
      },
    })
    expect(expectStatus(again, 201).data.attributes).toMatchObject({
      quantity: 3,
      sku_code: 'VASE-GLASS-AMBER',
      total_amount_cents: 11700,
    })
    expect((await order(created.id)).data.attributes.skus_count).toBe(3)
  })

  it('refuses attributes and relationships a resource does not have, naming them', async () => {
    const { origin } = sandbox
    const created = await createOrder(origin, token)
    const attribute = await patchOrder(origin, token, created.id, { attributes: { colour: 'red' } })
    expect(attribute.status).toBe(400)
    expect(attribute.body.errors).toEqual([
      {
        title: 'Param not allowed',
        detail: 'colour is not allowed.',
        code: 'PARAM_NOT_ALLOWED',
        status: '400',
        source: { pointer: '/data/attributes/colour' },
      },
    ])
    const readOnly = await patchOrder(origin, token, created.id, { attributes: { total_amount_cents: 1 } })
    expect(readOnly.body.errors?.[0]?.source).toEqual({ pointer: '/data/attributes/total_amount_cents' })
    const relationship = await patchOrder(origin, token, created.id, {
      relationships: { store: { data: { type: 'stores', id: 'x' } } },
    })
    expect(relationship.status).toBe(400)
    expect(relationship.body.errors?.[0]).toMatchObject({
      code: 'PARAM_NOT_ALLOWED',
      source: { pointer: '/data/relationships/store' },
    })
    const wrongType = await api(origin, token, 'PATCH', `orders/${created.id}`, {
      type: 'skus',
      id: created.id,
      attributes: {},
    })
    expect(wrongType.status).toBe(409)
    const wrongId = await api(origin, token, 'PATCH', `orders/${created.id}`, {
      type: 'orders',
      id: 'other',
      attributes: {},
    })
    expect(wrongId.body.errors?.[0]?.code).toBe('KEY_NOT_INCLUDED_IN_URL')
    const badEmail = await patchOrder(origin, token, created.id, { attributes: { customer_email: 'not-an-email' } })
    expect(badEmail.status).toBe(422)
    expect(badEmail.body.errors?.[0]).toMatchObject({
      detail: 'customer_email - is invalid',
      source: { pointer: '/data/attributes/customer_email' },
    })
    const notJson = await api(origin, token, 'PATCH', `orders/${created.id}`, '{nope')
    expect(notJson.status).toBe(400)
    const noData = await api(origin, token, 'PATCH', `orders/${created.id}`, '{"type":"orders"}')
    expect(noData.body.errors?.[0]?.code).toBe('PARAM_MISSING')
  })

  it('validates addresses, naming every missing field', async () => {
    const answer = await api(sandbox.origin, token, 'POST', 'addresses', {
      type: 'addresses',
      attributes: { city: 'Torino', country_code: 'IT' },
    })
    expect(answer.status).toBe(422)
    expect(answer.body.errors?.map((error) => error.source?.pointer)).toEqual([
      '/data/attributes/line_1',
      '/data/attributes/phone',
      '/data/attributes/zip_code',
      '/data/attributes/first_name',
      '/data/attributes/last_name',
    ])
    const irish = await api(sandbox.origin, token, 'POST', 'addresses', {
      type: 'addresses',
      attributes: { ...ITALIAN_ADDRESS, zip_code: null, country_code: 'ie' },
    })
    expect(expectStatus(irish, 201).data.attributes).toMatchObject({ country_code: 'IE', full_name: 'Giulia Bianchi' })
  })

  it('clones addresses with the address triggers', async () => {
    const { origin } = sandbox
    const created = await createOrder(origin, token)
    const address = await createAddress(origin, token)
    const cloned = expectStatus(
      await patchOrder(
        origin,
        token,
        created.id,
        { attributes: { _billing_address_clone_id: address.id } },
        '?include=billing_address',
      ),
      200,
    )
    const billing = cloned.included?.[0] as ResourceObject
    expect(billing.id).not.toBe(address.id)
    expect(billing.attributes).toMatchObject({ line_1: 'Via Dante 7', city: 'Torino' })
    const same = expectStatus(
      await patchOrder(
        origin,
        token,
        created.id,
        { attributes: { _shipping_address_same_as_billing: true } },
        '?include=shipping_address',
      ),
      200,
    )
    expect(same.included?.[0]?.attributes.full_address).toBe('Via Dante 7, 10121 Torino TO (IT) +39 011 555 0101')
    const shipping = same.included?.[0] as ResourceObject
    const back = expectStatus(
      await patchOrder(
        origin,
        token,
        created.id,
        { attributes: { _billing_address_same_as_shipping: true } },
        '?include=billing_address',
      ),
      200,
    )
    expect(back.data.relationships.billing_address?.data).not.toEqual({ type: 'addresses', id: billing.id })
    expect(back.included?.[0]?.attributes.full_address).toBe(shipping.attributes.full_address)
    const unknown = await patchOrder(origin, token, created.id, { attributes: { _shipping_address_clone_id: 'nope' } })
    expect(unknown.status).toBe(422)
    expect(unknown.body.errors?.[0]?.source).toEqual({ pointer: '/data/attributes/_shipping_address_clone_id' })
  })

  it('names everything _place is missing', async () => {
    const { origin } = sandbox
    const created = await createOrder(origin, token)
    const empty = await patchOrder(origin, token, created.id, { attributes: { _place: true } })
    expect(empty.status).toBe(422)
    expect(empty.body.errors?.map((error) => error.detail)).toEqual([
      "line_items - can't be blank",
      "customer_email - can't be blank",
      "billing_address - can't be blank",
      "shipping_address - can't be blank",
      "payment_method - can't be blank",
      "payment_source - can't be blank",
    ])
    expectStatus(await addLineItem(origin, token, created.id, 'MUG-STONE-350', 1), 201)
    const noShipping = await patchOrder(origin, token, created.id, { attributes: { _place: true } })
    expect(noShipping.body.errors?.map((error) => error.source?.pointer)).toContain('/data/relationships/shipments')
    await fillCheckout(origin, token, created.id, catalogue)
    const payment = expectStatus(await createKlarnaPayment(origin, token, created.id), 201).data
    const unauthorized = await patchOrder(origin, token, created.id, { attributes: { _place: true } })
    expect(unauthorized.body.errors).toEqual([
      expect.objectContaining({
        detail: expect.stringMatching(/^payment_source - is not authorized/),
        source: { pointer: '/data/relationships/payment_source' },
      }),
    ])
    expect(payment.attributes).toMatchObject({
      session_id: expect.any(String),
      client_token: expect.any(String),
      auth_token: null,
      mismatched_amounts: false,
    })
    expect(payment.attributes.payment_methods).toEqual([
      expect.objectContaining({ identifier: 'klarna', name: expect.any(String) }),
    ])
  })

  it('nullifies the Klarna payment when line items or the payment method change', async () => {
    const { origin } = sandbox
    const { orderId, paymentId } = await readyOrder(origin, token, catalogue)
    const source = (id: string) =>
      order(id, 'payment_source').then((body) => body.data.relationships.payment_source?.data)
    expect(await source(orderId)).toEqual({ type: 'klarna_payments', id: paymentId })
    expectStatus(await addLineItem(origin, token, orderId, 'CANDLE-FIG-200', 1), 201)
    expect(await source(orderId)).toBeNull()

    await payWithKlarna(origin, token, orderId)
    expectStatus(await patchOrder(origin, token, orderId, { relationships: { payment_method: { data: null } } }), 200)
    expect(await source(orderId)).toBeNull()
    expectStatus(
      await patchOrder(origin, token, orderId, {
        relationships: { payment_method: { data: { type: 'payment_methods', id: catalogue.klarnaMethodId } } },
      }),
      200,
    )
    await payWithKlarna(origin, token, orderId)
    expectStatus(await patchOrder(origin, token, orderId, { attributes: { _refresh: true } }), 200)
    expect(await source(orderId)).toBeNull()
    await payWithKlarna(origin, token, orderId)
    expectStatus(await patchOrder(origin, token, orderId, { attributes: { _nullify_payment_source: true } }), 200)
    expect(await source(orderId)).toBeNull()
  })

  it('reports mismatched_amounts when the total changes, and _update brings the session up to date', async () => {
    const { origin } = sandbox
    const created = await createOrder(origin, token)
    expectStatus(await addLineItem(origin, token, created.id, 'TEAPOT-CAST-900', 1), 201)
    const { shipmentId } = await fillCheckout(origin, token, created.id, catalogue)
    const payment = expectStatus(await createKlarnaPayment(origin, token, created.id), 201).data
    const authToken = await authorizeKlarnaSession(origin, payment.attributes.session_id as string)
    await api(origin, token, 'PATCH', `shipments/${shipmentId}`, {
      type: 'shipments',
      id: shipmentId,
      relationships: { shipping_method: { data: { type: 'shipping_methods', id: catalogue.expressShippingId } } },
    })
    const mismatched = expectStatus(await get(`klarna_payments/${payment.id}`), 200)
    expect(mismatched.data.attributes.mismatched_amounts).toBe(true)
    await api(origin, token, 'PATCH', `klarna_payments/${payment.id}`, {
      type: 'klarna_payments',
      id: payment.id,
      attributes: { auth_token: authToken },
    })
    const refused = await patchOrder(origin, token, created.id, { attributes: { _place: true } })
    expect(refused.status).toBe(422)
    expect(refused.body.errors?.[0]?.meta).toEqual({ error: 'mismatched_amounts' })

    const updated = expectStatus(
      await api(origin, token, 'PATCH', `klarna_payments/${payment.id}`, {
        type: 'klarna_payments',
        id: payment.id,
        attributes: { _update: true },
      }),
      200,
    )
    expect(updated.data.attributes.mismatched_amounts).toBe(false)
    const reauthorized = await authorizeKlarnaSession(origin, payment.attributes.session_id as string)
    await api(origin, token, 'PATCH', `klarna_payments/${payment.id}`, {
      type: 'klarna_payments',
      id: payment.id,
      attributes: { auth_token: reauthorized },
    })
    const placed = expectStatus(await patchOrder(origin, token, created.id, { attributes: { _place: true } }), 200)
    expect(placed.data.attributes).toMatchObject({ status: 'placed', total_amount_cents: 6400 + 990 })
  })

  it('refuses a second _place, and changes to a placed order', async () => {
    const { origin } = sandbox
    const { orderId } = await readyOrder(origin, token, catalogue)
    expectStatus(await patchOrder(origin, token, orderId, { attributes: { _place: true } }), 200)
    const again = await patchOrder(origin, token, orderId, { attributes: { _place: true } })
    expect(again.status).toBe(422)
    expect(again.body.errors?.[0]).toMatchObject({
      source: { pointer: '/data/attributes/status' },
      meta: { error: 'already_placed' },
    })
    const edit = await addLineItem(origin, token, orderId, 'MUG-STONE-350', 1)
    expect(edit.status).toBe(422)
    expect(edit.body.errors?.[0]?.source).toEqual({ pointer: '/data/attributes/status' })
    expectStatus(await patchOrder(origin, token, orderId, { attributes: { metadata: { gift: true } } }), 200)
    const placedNumber = (await order(orderId)).data.attributes.number as string
    expect(await klarnaOrders(placedNumber)).toHaveLength(1)
  })

  it('reports Klarna refusing the order as a 422 on the payment source', async () => {
    const { origin } = sandbox
    const created = await createOrder(origin, token)
    expectStatus(await addLineItem(origin, token, created.id, 'MUG-STONE-350', 1), 201)
    await fillCheckout(origin, token, created.id, catalogue)
    const payment = expectStatus(await createKlarnaPayment(origin, token, created.id), 201).data
    await api(origin, token, 'PATCH', `klarna_payments/${payment.id}`, {
      type: 'klarna_payments',
      id: payment.id,
      attributes: { auth_token: 'made-up-token' },
    })
    const refused = await patchOrder(origin, token, created.id, { attributes: { _place: true } })
    expect(refused.status).toBe(422)
    expect(refused.body.errors?.[0]).toMatchObject({
      source: { pointer: '/data/relationships/payment_source' },
      detail: expect.stringContaining('Klarna answered 404 NOT_FOUND'),
    })
    expect((await order(created.id)).data.attributes.status).toBe('pending')
    const stock = expectStatus(await get('stock_items?filter[q][sku_code_eq]=MUG-STONE-350'), 200)
    expect(stock.data[0]?.attributes.quantity).toBeGreaterThan(100)
  })

  it('lets a guest reach an order by id only', async () => {
    const list = await get('orders')
    expect(list.status).toBe(401)
    expect(list.body.errors?.[0]?.code).toBe('UNAUTHORIZED')
    expect((await get('line_items')).status).toBe(401)
    expect((await get('orders/doesNotExist')).status).toBe(404)
  })
})
