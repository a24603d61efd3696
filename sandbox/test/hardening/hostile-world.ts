import { randomUUID } from 'node:crypto'
import { expect } from 'vitest'
import { RETURNING_CUSTOMER_KLARNA_TOKEN } from '../../src/seed-constants'
import {
  api,
  customerToken,
  expectStatus,
  guestToken,
  JSONAPI,
  requestToken,
  type ResourceObject,
} from '../commerce-layer/api-helpers'
import {
  addLineItem,
  createAddress,
  createKlarnaPayment,
  createOrder,
  fillCheckout,
  ITALIAN_ADDRESS,
  loadCatalogue,
  patchOrder,
  payWithKlarna,
  type Catalogue,
} from '../commerce-layer/checkout'
import { startTestSandbox, type TestSandbox } from '../helpers'
import { authorizeByDoor, createSession, italianOrder, merchantAuth } from '../klarna/klarna-helpers'

/**
 * The world the hostile-input test attacks: a shop with a guest, an attacker and a victim, each with orders,
 * addresses, a Klarna payment and (the two customers) a saved Klarna source; tokens that have expired; a live
 * Klarna authorization. And the oracles every answer is held to.
 */

export type Api = 'api' | 'oauth' | 'klarna'

export type Request = {
  method: string
  path: string
  headers?: Record<string, string>
  body?: string | Uint8Array | ReadableStream<Uint8Array>
}

export type Answer = { request: Request; status: number; contentType: string; text: string; json: unknown }

type Shopper = {
  token: string
  customerId: string
  email: string
  /** A placed order whose Klarna source is in the wallet. */
  placedOrderId: string
  walletId: string
  paymentSourceToken: string
  klarnaCustomerToken: string
  /** A pending order with a line item, addresses, a shipment and a Klarna payment (a live session). */
  draftOrderId: string
  lineItemId: string
  shipmentId: string
  paymentId: string
  sessionId: string
  clientToken: string
  addressId: string
  bookEntryId: string
}

export type World = {
  sandbox: TestSandbox
  origin: string
  catalogue: Catalogue
  guest: string
  guestOrder: { id: string; lineItemId: string; shipmentId: string; paymentId: string }
  attacker: Shopper & { password: string; refreshToken: string; usedRefreshToken: string }
  victim: Shopper
  expired: { guest: string; customer: string; refreshToken: string }
  /** A Klarna authorization that can still make an order, with the session data it was given. */
  klarna: { sessionId: string; authorizationToken: string; customerToken: string }
  /** What no answer to the attacker or a guest may contain: the victim's data, and what no one may see. */
  secrets: string[]
}

/** Each shopper's own password: the attacker's must not open the victim's account. */
const passwordOf = (label: string) => `correct horse battery ${label}`

async function signUp(origin: string, guest: string, email: string, password: string): Promise<string> {
  return expectStatus(
    await api(origin, guest, 'POST', 'customers', { type: 'customers', attributes: { email, password } }),
    201,
  ).data.id
}

/** A customer with one placed order saved to the wallet and one pending order paid with a fresh Klarna session. */
async function shopper(origin: string, guest: string, catalogue: Catalogue, label: string): Promise<Shopper> {
  const email = `${label}.${randomUUID().slice(0, 8)}@example.com`
  const customerId = await signUp(origin, guest, email, passwordOf(label))
  const token = await customerToken(origin, email, passwordOf(label))

  const placed = await createOrder(origin, token)
  expectStatus(await addLineItem(origin, token, placed.id, 'MUG-STONE-350', 1), 201)
  await fillCheckout(origin, token, placed.id, catalogue, email)
  await payWithKlarna(origin, token, placed.id)
  expectStatus(await patchOrder(origin, token, placed.id, { attributes: { _place: true } }), 200)
  const saved = expectStatus(
    await patchOrder(
      origin,
      token,
      placed.id,
      { attributes: { _save_payment_source_to_customer_wallet: true } },
      '?include=available_customer_payment_sources',
    ),
    200,
  )
  const wallet = saved.included?.[0] as ResourceObject

  const address = await createAddress(origin, token, {
    ...ITALIAN_ADDRESS,
    email,
    line_1: `${label} Lane ${randomUUID().slice(0, 6)}`,
  })
  const book = expectStatus(
    await api(origin, token, 'POST', 'customer_addresses', {
      type: 'customer_addresses',
      attributes: {},
      relationships: { address: { data: { type: 'addresses', id: address.id } } },
    }),
    201,
  )
  const draft = await createOrder(origin, token)
  const line = expectStatus(await addLineItem(origin, token, draft.id, 'CANDLE-FIG-200', 1), 201).data
  const { shipmentId } = await fillCheckout(origin, token, draft.id, catalogue, email)
  expectStatus(
    await patchOrder(origin, token, draft.id, {
      relationships: { billing_address: { data: { type: 'addresses', id: address.id } } },
    }),
    200,
  )
  const payment = expectStatus(await createKlarnaPayment(origin, token, draft.id), 201).data
  return {
    token,
    customerId,
    email,
    placedOrderId: placed.id,
    walletId: wallet.id,
    paymentSourceToken: wallet.attributes.payment_source_token as string,
    klarnaCustomerToken: wallet.attributes.customer_token as string,
    draftOrderId: draft.id,
    lineItemId: line.id,
    shipmentId,
    paymentId: payment.id,
    sessionId: payment.attributes.session_id as string,
    clientToken: payment.attributes.client_token as string,
    addressId: address.id,
    bookEntryId: book.data.id,
  }
}

const moveClock = (origin: string, body: unknown) =>
  fetch(`${origin}/sandbox/clock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })

export async function buildWorld(): Promise<World> {
  const sandbox = await startTestSandbox()
  const { origin } = sandbox
  const guest = await guestToken(origin)
  const catalogue = await loadCatalogue(origin, guest)
  const attacker = await shopper(origin, guest, catalogue, 'attacker')
  const victim = await shopper(origin, guest, catalogue, 'victim')

  const guestOrder = await createOrder(origin, guest)
  const guestLine = expectStatus(await addLineItem(origin, guest, guestOrder.id, 'VASE-GLASS-AMBER', 1), 201).data
  const { shipmentId } = await fillCheckout(origin, guest, guestOrder.id, catalogue)
  const guestPayment = expectStatus(await createKlarnaPayment(origin, guest, guestOrder.id), 201).data

  const signIn = () =>
    requestToken(origin, { grant_type: 'password', username: attacker.email, password: passwordOf('attacker') })
  const first = await signIn()
  const usedRefreshToken = first.body.refresh_token as string
  const rotated = await requestToken(origin, { grant_type: 'refresh_token', refresh_token: usedRefreshToken })
  expect(rotated.status).toBe(200)

  // Tokens issued 15 days ago: the access tokens (2 and 4 hours) and the refresh token (2 weeks) have all expired.
  await moveClock(origin, { advance_seconds: -15 * 24 * 3600 })
  const old = await signIn()
  const expiredGuest = await guestToken(origin)
  await moveClock(origin, { reset: true })

  const session = await createSession(origin, { intent: 'buy_and_tokenize' })
  const door = (await authorizeByDoor(origin, session.session_id)).body as { authorization_token: string }

  return {
    sandbox,
    origin,
    catalogue,
    guest,
    guestOrder: { id: guestOrder.id, lineItemId: guestLine.id, shipmentId, paymentId: guestPayment.id },
    attacker: {
      ...attacker,
      password: passwordOf('attacker'),
      refreshToken: rotated.body.refresh_token as string,
      usedRefreshToken,
    },
    victim,
    expired: { guest: expiredGuest, customer: old.body.access_token, refreshToken: old.body.refresh_token as string },
    klarna: {
      sessionId: session.session_id,
      authorizationToken: door.authorization_token,
      customerToken: RETURNING_CUSTOMER_KLARNA_TOKEN,
    },
    secrets: [
      victim.email,
      victim.paymentSourceToken,
      victim.klarnaCustomerToken,
      victim.sessionId,
      victim.clientToken,
      'victim Lane',
      'scrypt$',
    ],
  }
}

export const apiOf = (path: string): Api =>
  path.startsWith('/oauth') ? 'oauth' : path.startsWith('/klarna') ? 'klarna' : 'api'

/** The headers a well-behaved client of each API sends. */
export function clientHeaders(api: Api, token?: string): Record<string, string> {
  if (api === 'api')
    return { Accept: JSONAPI, 'Content-Type': JSONAPI, ...(token ? { Authorization: `Bearer ${token}` } : {}) }
  if (api === 'oauth') return { Accept: 'application/json', 'Content-Type': 'application/json' }
  return { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: merchantAuth }
}

/**
 * Everything hostile the test has stored: a later answer may rightly show it again (a line item's name, an
 * order's metadata), and that is the client's own text, not the sandbox's internals.
 */
const stored: string[] = []
export const remember = (text: string) => void stored.push(text)

/** How many requests the hostile-input test has sent: the figure it prints. */
export const sent = { requests: 0 }

export async function send(origin: string, request: Request): Promise<Answer> {
  sent.requests++
  const streamed = request.body instanceof ReadableStream
  const response = await fetch(origin + request.path, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal: AbortSignal.timeout(10_000),
    ...(streamed ? { duplex: 'half' } : {}),
  } as RequestInit)
  const text = await response.text()
  let json: unknown
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = undefined
  }
  return { request, status: response.status, contentType: response.headers.get('content-type') ?? '', text, json }
}

/** A body's first characters and its length: enough to reproduce a failure without flooding the log. */
const excerpt = (body: Request['body']) =>
  typeof body === 'string'
    ? `${JSON.stringify(body.slice(0, 300))}${body.length > 300 ? ` … (${body.length} chars)` : ''}`
    : body
      ? '(bytes)'
      : '(none)'

export function describeAnswer(answer: Answer): string {
  const { request } = answer
  return `${request.method} ${request.path.slice(0, 300)} ${JSON.stringify(request.headers ?? {})} body ${excerpt(request.body)}\n  → ${answer.status} ${answer.contentType} ${answer.text.slice(0, 600)}`
}

/** Stack traces, SQL and the sandbox's own source, which no answer may show. */
const INTERNALS = new RegExp(
  [
    String.raw`\bat (?:[\w$.<>[\] ]+ \()?(?:\/|file:\/\/|node:)[^\s)]*:\d+:\d+`, // a stack frame
    String.raw`\bSqliteError\b|SQLITE_[A-Z]|no such (?:table|column)|syntax error|near "`, // SQLite's words
    String.raw`(?:FROM|INTO|UPDATE|JOIN|TABLE)\s+(?:cl|klarna)_\w+`, // the sandbox's tables
    String.raw`node_modules|\/work\/|sandbox\/src|\.ts:\d+`, // its files
    String.raw`(?:Type|Reference|Range|Syntax)Error|Cannot read propert|is not a function|Maximum call stack`, // JavaScript's failures
  ].join('|'),
)

function fail(answer: Answer, why: string): never {
  throw new Error(`${why}\n  ${describeAnswer(answer)}`)
}

/** Nothing internal and nothing of the victim's in the answer; what every answer must keep to. */
export function expectNothingLeaked(world: World, answer: Answer, options: { sentText?: string } = {}): void {
  if (answer.status >= 500) fail(answer, `a ${answer.status}`)
  // The client's own words may come back (a refusal names the bad value, `links` repeat the query): look only at
  // what it did not send.
  const { request } = answer
  const sentText = [
    typeof request.body === 'string' ? request.body : '',
    request.path,
    decoded(request.path),
    options.sentText ?? '',
  ].join('\n')
  const internal = INTERNALS.exec(answer.text)
  const echoed = (text: string) => sentText.includes(text) || stored.some((earlier) => earlier.includes(text))
  if (internal && !echoed(internal[0])) fail(answer, `the answer shows internals (${internal[0]})`)
  for (const secret of world.secrets) {
    if (
      answer.text.toLowerCase().includes(secret.toLowerCase()) &&
      !sentText.toLowerCase().includes(secret.toLowerCase())
    ) {
      fail(answer, `the answer shows another customer's data (${secret})`)
    }
  }
}

function decoded(path: string): string {
  try {
    return decodeURIComponent(path.replace(/\+/g, ' '))
  } catch {
    return path
  }
}

const isString = (value: unknown): value is string => typeof value === 'string'

/** A 4xx in the error shape of the API the path belongs to, leaking nothing. */
export function expectRefusal(world: World, answer: Answer, statuses?: readonly number[]): void {
  expectNothingLeaked(world, answer)
  if (answer.status < 400 || answer.status >= 500) fail(answer, `expected a 4xx, got ${answer.status}`)
  if (statuses && !statuses.includes(answer.status))
    fail(answer, `expected ${statuses.join(' or ')}, got ${answer.status}`)
  expectErrorShape(answer)
}

export function expectErrorShape(answer: Answer): void {
  const api = apiOf(answer.request.path)
  const body = answer.json as Record<string, unknown> | undefined
  if (api === 'klarna') {
    if (!answer.contentType.startsWith('application/json')) fail(answer, 'a Klarna error is application/json')
    const ok =
      isString(body?.correlation_id) &&
      body.correlation_id.length > 0 &&
      isString(body?.error_code) &&
      Array.isArray(body?.error_messages) &&
      body.error_messages.every(isString)
    if (!ok) fail(answer, "not Klarna's error shape {correlation_id, error_code, error_messages}")
    return
  }
  const errors = body?.errors
  if (!Array.isArray(errors) || errors.length === 0) fail(answer, 'no errors array')
  for (const error of errors as Record<string, unknown>[]) {
    const common = isString(error.title) && isString(error.detail) && isString(error.code)
    if (api === 'oauth') {
      if (!answer.contentType.startsWith('application/json'))
        fail(answer, "the auth host's errors are application/json")
      if (!common || error.status !== answer.status)
        fail(answer, "not the auth host's error shape {code, title, detail, status: <number>}")
    } else {
      if (answer.contentType !== JSONAPI) fail(answer, `a JSON:API error is ${JSONAPI}`)
      if (!common || error.status !== String(answer.status))
        fail(answer, 'not a JSON:API error object {title, detail, code, status: "<status>"}')
    }
  }
}

/** The codes of a JSON:API error answer. */
export const errorCodes = (answer: Answer): string[] =>
  ((answer.json as { errors?: { code?: string }[] } | undefined)?.errors ?? []).map((error) => error.code ?? '')

export const pointers = (answer: Answer): string[] =>
  ((answer.json as { errors?: { source?: { pointer?: string } }[] } | undefined)?.errors ?? []).map(
    (error) => error.source?.pointer ?? '',
  )

export { fail as failWith }

/** A valid JSON:API write body for a resource. */
export const document = (
  type: string,
  extra: { id?: string; attributes?: Record<string, unknown>; relationships?: Record<string, unknown> } = {},
) =>
  JSON.stringify({
    data: {
      type,
      ...(extra.id ? { id: extra.id } : {}),
      attributes: extra.attributes ?? {},
      relationships: extra.relationships ?? {},
    },
  })

export const klarnaOrderBody = () => italianOrder()
