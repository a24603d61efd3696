/**
 * Direct calls to the sandbox, for checking what a test cannot see in the page: the customer's wallet and
 * orders as Commerce Layer holds them, the request log, the clock.
 */
export const sandboxUrl = () => process.env.E2E_SANDBOX_URL ?? 'http://localhost:3101'

const JSON_API = { Accept: 'application/vnd.api+json', 'Content-Type': 'application/vnd.api+json' }

/** A token from the sandbox's auth endpoint for the storefront's sales channel. */
async function accessToken(grant: Record<string, string>, label: string): Promise<string> {
  const response = await fetch(`${sandboxUrl()}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...grant, client_id: 'sandbox-storefront', scope: 'market:code:europe' }),
  })
  if (!response.ok) throw new Error(`${label}: ${response.status}`)
  return ((await response.json()) as { access_token: string }).access_token
}

export function customerAccessToken(email: string, password: string): Promise<string> {
  return accessToken({ grant_type: 'password', username: email, password }, `password grant for ${email}`)
}

async function getAsCustomer(email: string, password: string, path: string) {
  const token = await customerAccessToken(email, password)
  const response = await fetch(`${sandboxUrl()}${path}`, { headers: { ...JSON_API, Authorization: `Bearer ${token}` } })
  if (!response.ok) throw new Error(`GET ${path} as ${email}: ${response.status}`)
  return response.json()
}

export type SandboxWalletEntry = { id: string; name: string }

export async function walletOf(email: string, password: string): Promise<SandboxWalletEntry[]> {
  const body = (await getAsCustomer(email, password, '/api/customer_payment_sources')) as {
    data: { id: string; attributes: { name: string } }[]
  }
  return body.data.map((entry) => ({ id: entry.id, name: entry.attributes.name }))
}

export async function placedOrdersOf(email: string, password: string): Promise<{ id: string; number: string }[]> {
  const body = (await getAsCustomer(email, password, '/api/orders?filter[q][status_eq]=placed')) as {
    data: { id: string; attributes: { number: string | number } }[]
  }
  return body.data.map((order) => ({ id: order.id, number: String(order.attributes.number) }))
}

export type LoggedRequest = { seq: number; method: string; path: string; query: string; status: number; body?: string }

export async function requestLogSince(seq: number): Promise<LoggedRequest[]> {
  const response = await fetch(`${sandboxUrl()}/sandbox/requests?since=${seq}`)
  return ((await response.json()) as { data: LoggedRequest[] }).data
}

export async function lastRequestSeq(): Promise<number> {
  const response = await fetch(`${sandboxUrl()}/sandbox/requests?since=${Number.MAX_SAFE_INTEGER}`)
  return ((await response.json()) as { last_seq: number }).last_seq
}

export type KlarnaAuditOrder = {
  order_id: string
  source: 'authorization' | 'customer_token'
  customer_token: string | null
  merchant_reference1: string | null
  order_amount: number
}

/** Every order Klarna created (the stand-in's audit door), optionally for one Commerce Layer order number. */
export async function klarnaOrders(
  filter: { merchantReference?: string; customerToken?: string } = {},
): Promise<KlarnaAuditOrder[]> {
  const query = new URLSearchParams()
  if (filter.merchantReference) query.set('merchant_reference1', filter.merchantReference)
  if (filter.customerToken) query.set('customer_token', filter.customerToken)
  const response = await fetch(`${sandboxUrl()}/klarna/sandbox/orders?${query}`)
  return ((await response.json()) as { data: KlarnaAuditOrder[] }).data
}

/** States only Klarna can cause (a cancelled or suspended customer token), through the stand-in's door. */
export async function setKlarnaCustomerTokenStatus(token: string, status: 'CANCELLED' | 'SUSPENDED' | 'ACTIVE') {
  const response = await fetch(`${sandboxUrl()}/klarna/sandbox/customer-tokens/${token}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ status }),
  })
  if (!response.ok) throw new Error(`customer token ${token}: ${response.status}`)
}

export async function walletTokensOf(
  email: string,
  password: string,
): Promise<{ id: string; name: string; token: string }[]> {
  const body = (await getAsCustomer(email, password, '/api/customer_payment_sources')) as {
    data: { id: string; attributes: { name: string; payment_source_token: string } }[]
  }
  return body.data.map((entry) => ({
    id: entry.id,
    name: entry.attributes.name,
    token: entry.attributes.payment_source_token,
  }))
}

/** Moves the sandbox's clock (Klarna's authorizations and sessions expire by it); `reset` puts it back. */
export async function moveSandboxClock(change: { advanceSeconds: number } | { reset: true }) {
  const body = 'reset' in change ? { reset: true } : { advance_seconds: change.advanceSeconds }
  const response = await fetch(`${sandboxUrl()}/sandbox/clock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`clock: ${response.status}`)
}

/** Stages a failure in the sandbox: latency before every Commerce Layer and Klarna answer, or an outage. */
export async function stageSandboxFaults(faults: { latencyMs?: number; outageSeconds?: number } | 'reset') {
  const body =
    faults === 'reset' ? { reset: true } : { latency_ms: faults.latencyMs, outage_seconds: faults.outageSeconds }
  const response = await fetch(`${sandboxUrl()}/sandbox/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`faults: ${response.status}`)
}

/** A customer made through the API (as the shop's sign-up does, with the sales channel's token). */
export async function createCustomerThroughApi(email: string, password: string): Promise<void> {
  const token = await accessToken({ grant_type: 'client_credentials' }, 'guest token')
  const response = await fetch(`${sandboxUrl()}/api/customers`, {
    method: 'POST',
    headers: { ...JSON_API, Authorization: `Bearer ${token}` },
    body: JSON.stringify({ data: { type: 'customers', attributes: { email, password } } }),
  })
  if (!response.ok) throw new Error(`POST /api/customers for ${email}: ${response.status}`)
}

const KLARNA_MERCHANT_AUTH = `Basic ${Buffer.from('sandbox-klarna-key:sandbox-klarna-secret').toString('base64')}`

/** A client token for a fresh Klarna session of its own, made through the Klarna stand-in's REST API. */
export async function newKlarnaClientToken(): Promise<string> {
  const response = await fetch(`${sandboxUrl()}/klarna/payments/v1/sessions`, {
    method: 'POST',
    headers: { authorization: KLARNA_MERCHANT_AUTH, 'content-type': 'application/json' },
    body: JSON.stringify({
      purchase_country: 'IT',
      purchase_currency: 'EUR',
      order_amount: 1800,
      order_lines: [{ name: 'Stoneware Mug', quantity: 1, unit_price: 1800, total_amount: 1800 }],
    }),
  })
  if (!response.ok) throw new Error(`Klarna session: ${response.status}`)
  return ((await response.json()) as { client_token: string }).client_token
}

/** A second saved source for the same Klarna customer token, as Commerce Layer has stored a save sent twice. */
export async function copySavedSource(id: string): Promise<string> {
  const response = await fetch(`${sandboxUrl()}/sandbox/customer-payment-sources/${id}/copies`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  })
  if (!response.ok) throw new Error(`copy of saved source ${id}: ${response.status}`)
  return ((await response.json()) as { id: string }).id
}
