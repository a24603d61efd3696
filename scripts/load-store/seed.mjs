// Customers for the storefront load test, made through the sandbox's API as their own earlier visits would have:
// sign-up, a first order paid with Klarna that saves the billing address to the address book and the Klarna source
// to the wallet. Each from a loopback address of its own, as customers come from their own machines.
import { expectStatus, sandboxRequestPatiently } from './http.mjs'

export const LOAD_PASSWORD = 'load test password'
const SCOPE = { client_id: 'sandbox-storefront', scope: 'market:code:europe' }
const ADDRESS = {
  first_name: 'Giulia',
  last_name: 'Bianchi',
  line_1: 'Via Dante 7',
  city: 'Torino',
  zip_code: '10121',
  state_code: 'TO',
  country_code: 'IT',
  phone: '+39 011 555 0101',
}

async function token(origin, localAddress, grant) {
  const answer = await sandboxRequestPatiently(origin, 'POST', '/oauth/token', {
    body: { ...grant, ...SCOPE },
    json: true,
    localAddress,
  })
  return expectStatus(answer, 200, `token (${grant.grant_type})`).access_token
}

export const customerToken = (origin, localAddress, email) =>
  token(origin, localAddress, { grant_type: 'password', username: email, password: LOAD_PASSWORD })

export async function seedCustomer(origin, index, runId, skuCode) {
  const localAddress = `127.0.${1 + Math.floor(index / 250)}.${1 + (index % 250)}`
  const call = (method, path, tokenValue, data) =>
    sandboxRequestPatiently(origin, method, path, { token: tokenValue, body: data && { data }, localAddress })
  const email = `load.${runId}.${index}@example.com`
  const guest = await token(origin, localAddress, { grant_type: 'client_credentials' })
  expectStatus(
    await call('POST', '/api/customers', guest, {
      type: 'customers',
      attributes: { email, password: LOAD_PASSWORD },
    }),
    201,
    'sign-up',
  )
  const customer = await customerToken(origin, localAddress, email)
  const methods = expectStatus(await call('GET', '/api/shipping_methods', customer), 200, 'shipping methods').data
  const standard = methods.find((method) => method.attributes.name === 'Standard').id
  const klarna = expectStatus(await call('GET', '/api/payment_methods', customer), 200, 'payment methods').data[0].id
  const order = expectStatus(
    await call('POST', '/api/orders', customer, { type: 'orders', attributes: {}, relationships: {} }),
    201,
    'order',
  ).data
  const orderPath = `/api/orders/${order.id}`
  const patchOrder = (attributes, relationships = {}, query = '') =>
    call('PATCH', orderPath + query, customer, { type: 'orders', id: order.id, attributes, relationships })
  expectStatus(
    await call('POST', '/api/line_items', customer, {
      type: 'line_items',
      attributes: { sku_code: skuCode, quantity: 1 },
      relationships: { order: { data: { type: 'orders', id: order.id } } },
    }),
    201,
    'line item',
  )
  const address = expectStatus(
    await call('POST', '/api/addresses', customer, { type: 'addresses', attributes: ADDRESS, relationships: {} }),
    201,
    'address',
  ).data
  expectStatus(
    await patchOrder(
      { _save_billing_address_to_customer_address_book: true },
      {
        billing_address: { data: { type: 'addresses', id: address.id } },
        payment_method: { data: { type: 'payment_methods', id: klarna } },
      },
    ),
    200,
    'billing address',
  )
  expectStatus(await patchOrder({ _shipping_address_same_as_billing: true }), 200, 'shipping address')
  const shipment = expectStatus(await call('GET', `${orderPath}/shipments`, customer), 200, 'shipments').data[0]
  expectStatus(
    await call('PATCH', `/api/shipments/${shipment.id}`, customer, {
      type: 'shipments',
      id: shipment.id,
      attributes: {},
      relationships: { shipping_method: { data: { type: 'shipping_methods', id: standard } } },
    }),
    200,
    'shipping method',
  )
  const payment = expectStatus(
    await call('POST', '/api/klarna_payments', customer, {
      type: 'klarna_payments',
      attributes: {},
      relationships: { order: { data: { type: 'orders', id: order.id } } },
    }),
    201,
    'Klarna payment',
  ).data
  const approval = await sandboxRequestPatiently(
    origin,
    'POST',
    `/klarna/sandbox/sessions/${payment.attributes.session_id}/authorize`,
    { body: { email, otp: '123456' }, json: true, localAddress },
  )
  const authToken = expectStatus(approval, 200, 'Klarna approval').authorization_token
  expectStatus(
    await call('PATCH', `/api/klarna_payments/${payment.id}`, customer, {
      type: 'klarna_payments',
      id: payment.id,
      attributes: { auth_token: authToken },
      relationships: {},
    }),
    200,
    'Klarna authorization',
  )
  expectStatus(await patchOrder({ _place: true }), 200, 'first order placed')
  expectStatus(
    await patchOrder(
      { _save_payment_source_to_customer_wallet: true },
      {},
      '?include=available_customer_payment_sources',
    ),
    200,
    'Klarna saved to the wallet',
  )
  return { email, localAddress, seedOrderId: order.id }
}
