import { customerAccessToken, sandboxUrl } from './sandbox-api'
import { DEMO_PASSWORD, uniqueEmail } from './shopper'

/**
 * Customers seeded through the sandbox's Core API, the way Commerce Layer's own clients would make them: so a spec
 * drives only its own subject through the browser.
 */

const JSON_API = { Accept: 'application/vnd.api+json', 'Content-Type': 'application/vnd.api+json' }

type Resource = { id: string; attributes: Record<string, unknown> }

async function call(token: string, method: string, path: string, data?: object): Promise<Resource[] | Resource> {
  const response = await fetch(`${sandboxUrl()}/api/${path}`, {
    method,
    headers: { ...JSON_API, Authorization: `Bearer ${token}` },
    body: data ? JSON.stringify({ data }) : undefined,
  })
  if (!response.ok) throw new Error(`${method} /api/${path}: ${response.status} ${await response.text()}`)
  return ((await response.json()) as { data: Resource[] | Resource }).data
}

const one = async (promise: Promise<Resource[] | Resource>) => (await promise) as Resource
const rel = (type: string, id: string) => ({ data: { type, id } })

async function guestToken(): Promise<string> {
  const response = await fetch(`${sandboxUrl()}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'client_credentials',
      client_id: 'sandbox-storefront',
      scope: 'market:code:europe',
    }),
  })
  return ((await response.json()) as { access_token: string }).access_token
}

/** One purchase paid through Klarna (approved at the stand-in's door as `klarnaEmail`), optionally saved. */
async function buyWithKlarna(
  token: string,
  { klarnaEmail, saveAddress, saveSource }: { klarnaEmail: string; saveAddress: boolean; saveSource: boolean },
) {
  const order = await one(call(token, 'POST', 'orders', { type: 'orders', attributes: { language_code: 'en' } }))
  await call(token, 'POST', 'line_items', {
    type: 'line_items',
    attributes: { sku_code: 'TOWEL-LINEN-SAGE', quantity: 1 },
    relationships: { order: rel('orders', order.id) },
  })
  const address = await one(
    call(token, 'POST', 'addresses', {
      type: 'addresses',
      attributes: {
        first_name: 'Sara',
        last_name: 'Conti',
        line_1: 'Via Po 3',
        city: 'Torino',
        zip_code: '10123',
        country_code: 'IT',
        phone: '+39 011 555 0199',
      },
    }),
  )
  const [method] = (await call(token, 'GET', 'payment_methods')) as Resource[]
  await call(token, 'PATCH', `orders/${order.id}`, {
    type: 'orders',
    id: order.id,
    attributes: {
      _shipping_address_same_as_billing: true,
      ...(saveAddress ? { _save_billing_address_to_customer_address_book: true } : {}),
    },
    relationships: {
      billing_address: rel('addresses', address.id),
      payment_method: rel('payment_methods', method!.id),
    },
  })
  const [shipment] = (await call(token, 'GET', `orders/${order.id}/shipments`)) as Resource[]
  const [standard] = (await call(token, 'GET', 'shipping_methods?filter[q][name_eq]=Standard')) as Resource[]
  await call(token, 'PATCH', `shipments/${shipment!.id}`, {
    type: 'shipments',
    id: shipment!.id,
    relationships: { shipping_method: rel('shipping_methods', standard!.id) },
  })
  const payment = await one(
    call(token, 'POST', 'klarna_payments', {
      type: 'klarna_payments',
      relationships: { order: rel('orders', order.id) },
    }),
  )
  const approval = await fetch(`${sandboxUrl()}/klarna/sandbox/sessions/${payment.attributes.session_id}/authorize`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: klarnaEmail, otp: '123456' }),
  })
  const { authorization_token: authToken } = (await approval.json()) as { authorization_token: string }
  await call(token, 'PATCH', `klarna_payments/${payment.id}`, {
    type: 'klarna_payments',
    id: payment.id,
    attributes: { auth_token: authToken },
  })
  await call(token, 'PATCH', `orders/${order.id}`, { type: 'orders', id: order.id, attributes: { _place: true } })
  if (saveSource) {
    await call(token, 'PATCH', `orders/${order.id}`, {
      type: 'orders',
      id: order.id,
      attributes: { _save_payment_source_to_customer_wallet: true },
    })
  }
}

export type SeededCustomer = { email: string; password: string; sourceNames: string[] }

/**
 * A customer of the spec's own, with a saved address and `sources` saved Klarna sources (Klarna accounts whose
 * emails start a…, b…, so their masked names differ), newest last in `sourceNames`.
 */
export async function seedCustomer(
  prefix: string,
  { sources, saveAddress = true }: { sources: number; saveAddress?: boolean },
): Promise<SeededCustomer> {
  const email = uniqueEmail(prefix)
  await call(await guestToken(), 'POST', 'customers', {
    type: 'customers',
    attributes: { email, password: DEMO_PASSWORD },
  })
  const token = await customerAccessToken(email, DEMO_PASSWORD)
  const purchases = Math.max(sources, saveAddress ? 1 : 0)
  for (let index = 0; index < purchases; index += 1) {
    await buyWithKlarna(token, {
      klarnaEmail: `${'abcdefgh'[index]}${prefix}@example.com`,
      saveAddress: saveAddress && index === 0,
      saveSource: index < sources,
    })
  }
  const wallet = (await call(token, 'GET', 'customer_payment_sources?sort=created_at')) as Resource[]
  return { email, password: DEMO_PASSWORD, sourceNames: wallet.map((entry) => String(entry.attributes.name)) }
}
