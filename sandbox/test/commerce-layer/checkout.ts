import { startTestSandbox, type TestSandbox } from '../helpers'
import { api, expectStatus, guestToken, type ResourceObject } from './api-helpers'

/** Steps of an API checkout, raw HTTP, shared by the Core API tests. */

export const ITALIAN_ADDRESS = {
  first_name: 'Giulia',
  last_name: 'Bianchi',
  line_1: 'Via Dante 7',
  city: 'Torino',
  zip_code: '10121',
  state_code: 'TO',
  country_code: 'IT',
  phone: '+39 011 555 0101',
  email: 'giulia@example.com',
}

export type Catalogue = {
  skuIds: Map<string, string>
  standardShippingId: string
  expressShippingId: string
  klarnaMethodId: string
}

export async function loadCatalogue(origin: string, token: string): Promise<Catalogue> {
  const skus = expectStatus(await api(origin, token, 'GET', 'skus?page[size]=25&fields[skus]=code'), 200)
  const shipping = expectStatus(await api(origin, token, 'GET', 'shipping_methods'), 200)
  const payment = expectStatus(await api(origin, token, 'GET', 'payment_methods'), 200)
  const byName = (name: string) => shipping.data.find((method) => method.attributes.name === name)?.id as string
  return {
    skuIds: new Map(skus.data.map((sku) => [sku.attributes.code as string, sku.id])),
    standardShippingId: byName('Standard'),
    expressShippingId: byName('Express'),
    klarnaMethodId: payment.data[0]?.id as string,
  }
}

/** A fresh sandbox, a guest token and the catalogue's ids: where most Core API tests start. */
export async function startShop(): Promise<{ sandbox: TestSandbox; guest: string; catalogue: Catalogue }> {
  const sandbox = await startTestSandbox()
  const guest = await guestToken(sandbox.origin)
  return { sandbox, guest, catalogue: await loadCatalogue(sandbox.origin, guest) }
}

export async function createOrder(
  origin: string,
  token: string,
  attributes: Record<string, unknown> = {},
): Promise<ResourceObject> {
  return expectStatus(
    await api(origin, token, 'POST', 'orders', { type: 'orders', attributes, relationships: {} }),
    201,
  ).data
}

export async function addLineItem(origin: string, token: string, orderId: string, skuCode: string, quantity: number) {
  return api(origin, token, 'POST', 'line_items', {
    type: 'line_items',
    attributes: { sku_code: skuCode, quantity },
    relationships: { order: { data: { type: 'orders', id: orderId } } },
  })
}

export async function createAddress(
  origin: string,
  token: string,
  attributes: Record<string, unknown> = ITALIAN_ADDRESS,
) {
  return expectStatus(
    await api(origin, token, 'POST', 'addresses', { type: 'addresses', attributes, relationships: {} }),
    201,
  ).data
}

export async function patchOrder(
  origin: string,
  token: string,
  orderId: string,
  body: { attributes?: Record<string, unknown>; relationships?: Record<string, unknown> },
  query = '',
) {
  return api(origin, token, 'PATCH', `orders/${orderId}${query}`, {
    type: 'orders',
    id: orderId,
    attributes: body.attributes ?? {},
    relationships: body.relationships ?? {},
  })
}

/** Email, both addresses, the Standard shipping method and the Klarna payment method on an order with line items. */
export async function fillCheckout(
  origin: string,
  token: string,
  orderId: string,
  catalogue: Catalogue,
  email = 'giulia@example.com',
) {
  const address = await createAddress(origin, token)
  expectStatus(
    await patchOrder(origin, token, orderId, {
      attributes: { customer_email: email },
      relationships: {
        billing_address: { data: { type: 'addresses', id: address.id } },
        payment_method: { data: { type: 'payment_methods', id: catalogue.klarnaMethodId } },
      },
    }),
    200,
  )
  expectStatus(
    await patchOrder(origin, token, orderId, { attributes: { _shipping_address_same_as_billing: true } }),
    200,
  )
  const shipments = expectStatus(await api(origin, token, 'GET', `orders/${orderId}/shipments`), 200)
  const shipmentId = shipments.data[0]?.id as string
  expectStatus(
    await api(origin, token, 'PATCH', `shipments/${shipmentId}`, {
      type: 'shipments',
      id: shipmentId,
      attributes: {},
      relationships: { shipping_method: { data: { type: 'shipping_methods', id: catalogue.standardShippingId } } },
    }),
    200,
  )
  return { shipmentId }
}

export async function createKlarnaPayment(origin: string, token: string, orderId: string) {
  return api(origin, token, 'POST', 'klarna_payments', {
    type: 'klarna_payments',
    attributes: {},
    relationships: { order: { data: { type: 'orders', id: orderId } } },
  })
}

/** The shopper's approval, through the Klarna stand-in's test door (what the browser's authorize callback gets). */
export async function authorizeKlarnaSession(origin: string, sessionId: string, email = 'customer@email.us') {
  const response = await fetch(`${origin}/klarna/sandbox/sessions/${sessionId}/authorize`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, otp: '123456' }),
  })
  const body = (await response.json()) as { approved: boolean; authorization_token?: string }
  if (!body.authorization_token) throw new Error(`Klarna did not approve: ${response.status} ${JSON.stringify(body)}`)
  return body.authorization_token
}

/** A Klarna payment for the order, authorized, its auth_token sent: the order is ready for `_place`. */
export async function payWithKlarna(origin: string, token: string, orderId: string, email?: string) {
  const payment = expectStatus(await createKlarnaPayment(origin, token, orderId), 201).data
  const authToken = await authorizeKlarnaSession(origin, payment.attributes.session_id as string, email)
  expectStatus(
    await api(origin, token, 'PATCH', `klarna_payments/${payment.id}`, {
      type: 'klarna_payments',
      id: payment.id,
      attributes: { auth_token: authToken },
      relationships: {},
    }),
    200,
  )
  return { paymentId: payment.id, authToken }
}

/** An order with line items, checkout filled in and Klarna authorized: everything `_place` needs. */
export async function readyOrder(
  origin: string,
  token: string,
  catalogue: Catalogue,
  lines: [string, number][] = [['MUG-STONE-350', 2]],
) {
  const order = await createOrder(origin, token)
  for (const [code, quantity] of lines) expectStatus(await addLineItem(origin, token, order.id, code, quantity), 201)
  await fillCheckout(origin, token, order.id, catalogue)
  const { paymentId } = await payWithKlarna(origin, token, order.id)
  return { orderId: order.id, paymentId }
}
