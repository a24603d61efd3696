import { customerAccessToken, sandboxUrl } from './sandbox-api'
import { DEMO_PASSWORD, uniqueEmail } from './shopper'

/**
 * Seeding through the sandbox's Core API and its Klarna test door, as an API client would: what a spec needs
 * before its own subject starts, without a browser. The fixtures in fixtures.ts are built on these.
 */

const JSON_API = { Accept: 'application/vnd.api+json', 'Content-Type': 'application/vnd.api+json' }

type ResourceObject = { id: string; attributes: Record<string, unknown> }

async function coreApi(token: string, method: string, path: string, data?: unknown): Promise<ResourceObject[]> {
  const response = await fetch(`${sandboxUrl()}/api/${path}`, {
    method,
    headers: { ...JSON_API, Authorization: `Bearer ${token}` },
    body: data === undefined ? undefined : JSON.stringify({ data }),
  })
  if (!response.ok)
    throw new Error(`seeding: ${method} /api/${path} answered ${response.status}: ${await response.text()}`)
  const body = (await response.json()) as { data: ResourceObject | ResourceObject[] }
  return Array.isArray(body.data) ? body.data : [body.data]
}

const first = async (answer: Promise<ResourceObject[]>): Promise<ResourceObject> => {
  const [resource] = await answer
  if (!resource) throw new Error('seeding: an empty answer where a resource was expected')
  return resource
}

async function guestAccessToken(): Promise<string> {
  const response = await fetch(`${sandboxUrl()}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'client_credentials',
      client_id: 'sandbox-storefront',
      scope: 'market:code:europe',
    }),
  })
  if (!response.ok) throw new Error(`seeding: guest token ${response.status}`)
  return ((await response.json()) as { access_token: string }).access_token
}

export type Customer = { email: string; password: string }

/** A new customer account, as signing up makes one. */
export async function createCustomer(email: string, password = DEMO_PASSWORD): Promise<Customer> {
  await coreApi(await guestAccessToken(), 'POST', 'customers', { type: 'customers', attributes: { email, password } })
  return { email, password }
}

export type CartLine = { sku: string; quantity?: number }

type AddressAttributes = typeof ADDRESS

const ADDRESS = {
  first_name: 'Giulia',
  last_name: 'Bianchi',
  line_1: 'Via Torino 5',
  city: 'Milano',
  zip_code: '20123',
  country_code: 'IT',
  phone: '+39 02 1234567',
}

/**
 * An order with these lines, the contact email, one Italian address for billing and shipping, and Standard
 * shipping: what the checkout form would have saved. As the customer when `customerToken` is given, else as a
 * guest; `saveAddress` also keeps the address in the customer's address book. Resolves to the order's id.
 */
export async function createReadyCart(
  lines: CartLine[],
  {
    email,
    customerToken,
    address: addressAttributes = ADDRESS,
    saveAddress = false,
  }: { email: string; customerToken?: string; address?: AddressAttributes; saveAddress?: boolean },
): Promise<string> {
  const token = customerToken ?? (await guestAccessToken())
  const order = await first(coreApi(token, 'POST', 'orders', { type: 'orders', attributes: {} }))
  const orderRef = { data: { type: 'orders', id: order.id } }
  for (const { sku, quantity = 1 } of lines) {
    await coreApi(token, 'POST', 'line_items', {
      type: 'line_items',
      attributes: { sku_code: sku, quantity },
      relationships: { order: orderRef },
    })
  }
  const address = await first(coreApi(token, 'POST', 'addresses', { type: 'addresses', attributes: addressAttributes }))
  await coreApi(token, 'PATCH', `orders/${order.id}`, {
    type: 'orders',
    id: order.id,
    attributes: {
      customer_email: email,
      _shipping_address_same_as_billing: true,
      ...(saveAddress ? { _save_billing_address_to_customer_address_book: true } : {}),
    },
    relationships: { billing_address: { data: { type: 'addresses', id: address.id } } },
  })
  const standard = (await coreApi(token, 'GET', 'shipping_methods')).find(
    (method) => method.attributes.name === 'Standard',
  )
  const shipments = await coreApi(token, 'GET', `orders/${order.id}/shipments`)
  for (const shipment of shipments) {
    await coreApi(token, 'PATCH', `shipments/${shipment.id}`, {
      type: 'shipments',
      id: shipment.id,
      attributes: {},
      relationships: { shipping_method: { data: { type: 'shipping_methods', id: standard?.id } } },
    })
  }
  return order.id
}

/**
 * Pays a ready cart with Klarna and places it, as the widget flow does: the Klarna payment method, a Klarna
 * payment, the shopper's approval through the Klarna stand-in's test door, its `auth_token`, then `_place`.
 */
async function placeWithKlarna(token: string, orderId: string, email: string): Promise<void> {
  const [klarna] = await coreApi(token, 'GET', 'payment_methods')
  await coreApi(token, 'PATCH', `orders/${orderId}`, {
    type: 'orders',
    id: orderId,
    attributes: {},
    relationships: { payment_method: { data: { type: 'payment_methods', id: klarna?.id } } },
  })
  const payment = await first(
    coreApi(token, 'POST', 'klarna_payments', {
      type: 'klarna_payments',
      attributes: {},
      relationships: { order: { data: { type: 'orders', id: orderId } } },
    }),
  )
  const approval = await fetch(`${sandboxUrl()}/klarna/sandbox/sessions/${payment.attributes.session_id}/authorize`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, otp: '123456' }),
  })
  const { authorization_token: authToken } = (await approval.json()) as { authorization_token?: string }
  if (!authToken) throw new Error(`seeding: Klarna's test door did not approve ${email} (${approval.status})`)
  await coreApi(token, 'PATCH', `klarna_payments/${payment.id}`, {
    type: 'klarna_payments',
    id: payment.id,
    attributes: { auth_token: authToken },
  })
  await coreApi(token, 'PATCH', `orders/${orderId}`, { type: 'orders', id: orderId, attributes: { _place: true } })
}

/** A placed order of this customer's, one towel paid with Klarna through the widget flow, its source not saved. */
export async function placeKlarnaOrder(customer: Customer): Promise<{ orderId: string; token: string }> {
  const token = await customerAccessToken(customer.email, customer.password)
  const orderId = await createReadyCart([{ sku: 'TOWEL-LINEN-SAGE' }], { email: customer.email, customerToken: token })
  await placeWithKlarna(token, orderId, customer.email)
  return { orderId, token }
}

export type SavedKlarnaCustomer = Customer & {
  /** The saved source's name, as the wallet and checkout show it ("Klarna · Pay later · s•••@example.com"). */
  sourceName: string
  /** Klarna's customer token behind the saved source (for the Klarna test door's states). */
  klarnaCustomerToken: string
}

/**
 * A new customer who has bought one towel with Klarna and saved that Klarna source to their wallet
 * (`_save_payment_source_to_customer_wallet` on the placed order, as the storefront sends it).
 */
export async function createCustomerWithSavedKlarna(email: string): Promise<SavedKlarnaCustomer> {
  const { orderId, token } = await placeKlarnaOrder(await createCustomer(email))
  await saveToWallet(token, orderId)
  const [saved] = await coreApi(token, 'GET', 'customer_payment_sources')
  if (!saved) throw new Error(`seeding: ${email}'s wallet is empty after saving`)
  return {
    email,
    password: DEMO_PASSWORD,
    sourceName: String(saved.attributes.name),
    klarnaCustomerToken: String(saved.attributes.payment_source_token),
  }
}

/** `_save_payment_source_to_customer_wallet` on a placed order, as the storefront sends it. */
async function saveToWallet(token: string, orderId: string): Promise<void> {
  await coreApi(token, 'PATCH', `orders/${orderId}`, {
    type: 'orders',
    id: orderId,
    attributes: { _save_payment_source_to_customer_wallet: true },
  })
}

export type SeededCustomer = Customer & { sourceNames: string[] }

const SAVED_ADDRESS: AddressAttributes = {
  first_name: 'Sara',
  last_name: 'Conti',
  line_1: 'Via Po 3',
  city: 'Torino',
  zip_code: '10123',
  country_code: 'IT',
  phone: '+39 011 555 0199',
}

/**
 * A customer of the spec's own, with Sara Conti's Turin address saved (unless `saveAddress: false`) and `sources`
 * saved Klarna sources, one per purchase, from Klarna accounts whose emails start a…, b…, so their masked names
 * differ; `sourceNames` lists them oldest first.
 */
export async function seedCustomer(
  prefix: string,
  { sources, saveAddress = true }: { sources: number; saveAddress?: boolean },
): Promise<SeededCustomer> {
  const customer = await createCustomer(uniqueEmail(prefix))
  const token = await customerAccessToken(customer.email, customer.password)
  const purchases = Math.max(sources, saveAddress ? 1 : 0)
  for (let index = 0; index < purchases; index += 1) {
    const orderId = await createReadyCart([{ sku: 'TOWEL-LINEN-SAGE' }], {
      email: customer.email,
      customerToken: token,
      address: SAVED_ADDRESS,
      saveAddress: saveAddress && index === 0,
    })
    await placeWithKlarna(token, orderId, `${'abcdefgh'[index]}${prefix}@example.com`)
    if (index < sources) await saveToWallet(token, orderId)
  }
  const wallet = await coreApi(token, 'GET', 'customer_payment_sources?sort=created_at')
  return { ...customer, sourceNames: wallet.map((entry) => String(entry.attributes.name)) }
}
