import { KLARNA_SANDBOX_API_KEY, KLARNA_SANDBOX_API_SECRET } from '../../src/seed-constants'

/** Basic auth as the Commerce Layer stand-in's Klarna adapter sends it. */
export const merchantAuth = `Basic ${Buffer.from(`${KLARNA_SANDBOX_API_KEY}:${KLARNA_SANDBOX_API_SECRET}`).toString('base64')}`

export type KlarnaResponse = { status: number; body: unknown; headers: Headers }

/** One call to the stand-in, with the merchant's credentials unless told otherwise. */
export async function klarna(
  origin: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = { authorization: merchantAuth },
): Promise<KlarnaResponse> {
  const response = await fetch(origin + path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return {
    status: response.status,
    body: text === '' ? undefined : (JSON.parse(text) as unknown),
    headers: response.headers,
  }
}

/**
 * An Italian order that adds up under Klarna's rules (22 % VAT included): two shirts and paid shipping.
 * 5000 − 5000 × 10000 / 12200 = 901.6 → 902; 990 − 990 × 10000 / 12200 = 178.5 → 179.
 */
export function italianOrder() {
  return {
    purchase_country: 'IT',
    purchase_currency: 'EUR',
    locale: 'it-IT',
    order_amount: 5990,
    order_tax_amount: 1081,
    order_lines: [
      {
        type: 'physical',
        reference: 'TSHIRT-BLUE-M',
        name: 'Blue T-shirt',
        quantity: 2,
        unit_price: 2500,
        tax_rate: 2200,
        total_amount: 5000,
        total_tax_amount: 902,
      },
      {
        type: 'shipping_fee',
        reference: 'express',
        name: 'Express',
        quantity: 1,
        unit_price: 990,
        tax_rate: 2200,
        total_amount: 990,
        total_tax_amount: 179,
      },
    ],
  }
}

export type SessionCreated = { session_id: string; client_token: string; payment_method_categories: unknown[] }

export async function createSession(origin: string, extra: Record<string, unknown> = {}): Promise<SessionCreated> {
  const response = await klarna(origin, 'POST', '/klarna/payments/v1/sessions', { ...italianOrder(), ...extra })
  if (response.status !== 200)
    throw new Error(`session creation failed: ${response.status} ${JSON.stringify(response.body)}`)
  return response.body as SessionCreated
}

/** The test door: what the browser's `authorize` callback would receive. */
export async function authorizeByDoor(origin: string, sessionId: string, body: Record<string, unknown> = {}) {
  return klarna(origin, 'POST', `/klarna/sandbox/sessions/${sessionId}/authorize`, {
    email: 'customer@email.us',
    otp: '123456',
    ...body,
  })
}

/** A session authorized by an approved shopper: its id and the authorization token. */
export async function authorizedSession(origin: string, extra: Record<string, unknown> = {}) {
  const session = await createSession(origin, extra)
  const door = await authorizeByDoor(origin, session.session_id)
  const token = (door.body as { authorization_token: string }).authorization_token
  return { sessionId: session.session_id, token }
}

export type KlarnaOrderAudit = {
  order_id: string
  source: string
  authorization_token: string | null
  customer_token: string | null
}

export async function auditOrders(origin: string, query = ''): Promise<KlarnaOrderAudit[]> {
  const response = await fetch(`${origin}/klarna/sandbox/orders${query}`)
  return ((await response.json()) as { data: KlarnaOrderAudit[] }).data
}

/** Klarna's error object: correlation id, code, messages. */
export function expectKlarnaError(response: KlarnaResponse, status: number, code: string, messages?: string[]) {
  const body = response.body as { correlation_id: unknown; error_code: unknown; error_messages: unknown }
  const problems: string[] = []
  if (response.status !== status) problems.push(`status ${response.status}, expected ${status}`)
  if (typeof body?.correlation_id !== 'string' || body.correlation_id.length === 0) problems.push('no correlation_id')
  if (body?.error_code !== code) problems.push(`error_code ${String(body?.error_code)}, expected ${code}`)
  if (messages && JSON.stringify(body?.error_messages) !== JSON.stringify(messages)) {
    problems.push(`error_messages ${JSON.stringify(body?.error_messages)}, expected ${JSON.stringify(messages)}`)
  }
  if (problems.length > 0) throw new Error(`${problems.join('; ')}: ${JSON.stringify(response.body)}`)
}
