import { DEMO_PASSWORD, SANDBOX_MARKET_CODE, SANDBOX_SALES_CHANNEL_CLIENT_ID } from '../../src/seed-constants'

/** Small HTTP helpers for the Commerce Layer stand-in's tests: raw requests, so tests see exactly what goes over the wire. */

export const JSONAPI = 'application/vnd.api+json'

export type Answer<T = JsonApiDocument> = { status: number; headers: Headers; body: T }

export type ResourceObject = {
  id: string
  type: string
  links: { self: string }
  attributes: Record<string, unknown>
  relationships: Record<string, { links: { self: string; related: string }; data?: unknown }>
  meta: { mode: string }
}

export type JsonApiDocument = {
  data: ResourceObject & ResourceObject[]
  included?: ResourceObject[]
  meta?: { record_count: number; page_count: number }
  links?: Record<string, string>
  errors?: {
    title: string
    detail: string
    code: string
    status: string
    source?: { pointer?: string; parameter?: string }
    meta?: unknown
  }[]
}

export type TokenAnswer = {
  access_token: string
  token_type: string
  expires_in: number
  scope: string
  created_at: number
  refresh_token?: string
  owner_id?: string
  owner_type?: string
}

export async function requestToken(
  origin: string,
  grant: Record<string, string>,
): Promise<Answer<TokenAnswer & { errors?: unknown[] }>> {
  const response = await fetch(`${origin}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({
      client_id: SANDBOX_SALES_CHANNEL_CLIENT_ID,
      scope: `market:code:${SANDBOX_MARKET_CODE}`,
      ...grant,
    }),
  })
  return { status: response.status, headers: response.headers, body: (await response.json()) as TokenAnswer }
}

export async function guestToken(origin: string): Promise<string> {
  const answer = await requestToken(origin, { grant_type: 'client_credentials' })
  if (answer.status !== 200) throw new Error(`guest token: ${answer.status} ${JSON.stringify(answer.body)}`)
  return answer.body.access_token
}

export async function customerToken(origin: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const answer = await requestToken(origin, { grant_type: 'password', username: email, password })
  if (answer.status !== 200) throw new Error(`customer token: ${answer.status} ${JSON.stringify(answer.body)}`)
  return answer.body.access_token
}

/** One Core API request with the SDK's headers; `body` is sent as `{data: body}` unless it is a string. */
export async function api(
  origin: string,
  token: string | undefined,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${origin}/api/${path}`, {
    method,
    headers: {
      Accept: JSONAPI,
      'Content-Type': JSONAPI,
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify({ data: body }),
  })
  const text = await response.text()
  return {
    status: response.status,
    headers: response.headers,
    body: (text ? JSON.parse(text) : undefined) as JsonApiDocument,
  }
}

/** Fails with the answer's errors when the status is not the expected one; returns the body otherwise. */
export function expectStatus(answer: Answer, status: number): JsonApiDocument {
  if (answer.status !== status)
    throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`)
  return answer.body
}
