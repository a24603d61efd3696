/**
 * Direct calls to the sandbox, for checking what a test cannot see in the page: the customer's wallet and
 * orders as Commerce Layer holds them, the request log, the clock.
 */
export const sandboxUrl = () => process.env.E2E_SANDBOX_URL ?? 'http://localhost:3101'

const JSON_API = { Accept: 'application/vnd.api+json', 'Content-Type': 'application/vnd.api+json' }

export async function customerAccessToken(email: string, password: string): Promise<string> {
  const response = await fetch(`${sandboxUrl()}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ grant_type: 'password', username: email, password, client_id: 'sandbox-storefront', scope: 'market:code:europe' }),
  })
  if (!response.ok) throw new Error(`password grant for ${email}: ${response.status}`)
  return ((await response.json()) as { access_token: string }).access_token
}

async function getAsCustomer(email: string, password: string, path: string) {
  const token = await customerAccessToken(email, password)
  const response = await fetch(`${sandboxUrl()}${path}`, { headers: { ...JSON_API, Authorization: `Bearer ${token}` } })
  if (!response.ok) throw new Error(`GET ${path} as ${email}: ${response.status}`)
  return response.json()
}

export type SandboxWalletEntry = { id: string; name: string }

export async function walletOf(email: string, password: string): Promise<SandboxWalletEntry[]> {
  const body = (await getAsCustomer(email, password, '/api/customer_payment_sources')) as { data: { id: string; attributes: { name: string } }[] }
  return body.data.map((entry) => ({ id: entry.id, name: entry.attributes.name }))
}

export async function placedOrdersOf(email: string, password: string): Promise<{ id: string; number: string }[]> {
  const body = (await getAsCustomer(email, password, '/api/orders?filter[q][status_eq]=placed')) as {
    data: { id: string; attributes: { number: string | number } }[]
  }
  return body.data.map((order) => ({ id: order.id, number: String(order.attributes.number) }))
}

export type LoggedRequest = { seq: number; method: string; path: string; query: string; status: number }

export async function requestLogSince(seq: number): Promise<LoggedRequest[]> {
  const response = await fetch(`${sandboxUrl()}/sandbox/requests?since=${seq}`)
  return ((await response.json()) as { data: LoggedRequest[] }).data
}

export async function lastRequestSeq(): Promise<number> {
  const response = await fetch(`${sandboxUrl()}/sandbox/requests?since=${Number.MAX_SAFE_INTEGER}`)
  return ((await response.json()) as { last_seq: number }).last_seq
}
