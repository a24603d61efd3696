import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NEW_CUSTOMER_EMAIL } from '../../src/seed-constants'
import { startTestSandbox, type TestSandbox } from '../helpers'
import { customerToken, expectStatus } from './api-helpers'
import { loadCatalogue, patchOrder, readyOrder } from './checkout'
import {
  DOCUMENTED_HOST,
  DOCUMENTED_ORDER_ID,
  DOCUMENTED_SOURCE_ID,
  REUSE_REQUEST_BODY,
  REUSE_RESPONSE,
  SAVE_REQUEST_BODY,
  SAVE_RESPONSE,
} from './fixtures/reusing-the-payment-source'

const ANY_OBJECT = '<any object>'

/** The document's JSON, its `{...}` placeholders read as "any object here". */
const documented = (text: string): unknown => JSON.parse(text.replaceAll('{...}', JSON.stringify(ANY_OBJECT)))

/**
 * Every field the document shows, checked against the answer: the same keys in the same order at every level,
 * the same types, the same type names and modes, and ids and links equal once the document's host and ids are
 * swapped for the sandbox's. `{...}` accepts any object.
 */
function differences(actual: unknown, expected: unknown, swap: (text: string) => string, path = '$'): string[] {
  if (expected === ANY_OBJECT)
    return actual !== null && typeof actual === 'object' && !Array.isArray(actual)
      ? []
      : [`${path}: expected an object`]
  if (expected === null) return actual === null ? [] : [`${path}: expected null, got ${JSON.stringify(actual)}`]
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length)
      return [`${path}: expected an array of ${expected.length}`]
    return expected.flatMap((item, index) => differences(actual[index], item, swap, `${path}[${index}]`))
  }
  if (typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return [`${path}: expected an object`]
    const expectedKeys = Object.keys(expected)
    const actualKeys = Object.keys(actual)
    if (expectedKeys.join() !== actualKeys.join())
      return [`${path}: keys ${actualKeys.join(',')} instead of ${expectedKeys.join(',')}`]
    return expectedKeys.flatMap((key) =>
      differences(
        (actual as Record<string, unknown>)[key],
        (expected as Record<string, unknown>)[key],
        swap,
        `${path}.${key}`,
      ),
    )
  }
  if (typeof actual !== typeof expected)
    return [`${path}: expected a ${typeof expected}, got ${JSON.stringify(actual)}`]
  const key = path.split('.').at(-1) ?? ''
  if (['id', 'type', 'self', 'mode'].includes(key) && actual !== swap(String(expected))) {
    return [`${path}: expected ${swap(String(expected))}, got ${String(actual)}`]
  }
  if (key.endsWith('_at') && !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(String(actual)))
    return [`${path}: not an ISO timestamp`]
  return []
}

/**
 * The document's saved source, with the `payment_method` relationship its excerpt leaves out: the resource's schema
 * has it (between `customer` and `payment_source`) and Commerce Layer's components include it.
 */
function withSchemaPaymentMethod(document: unknown): unknown {
  const copy = structuredClone(document) as { included: { relationships: Record<string, unknown> }[] }
  for (const resource of copy.included) {
    const { customer, ...rest } = resource.relationships
    resource.relationships = { customer, payment_method: { links: ANY_OBJECT }, ...rest }
  }
  return copy
}

describe('reusing-the-payment-source.txt, request by request', () => {
  let sandbox: TestSandbox
  let token: string
  let orderId: string
  beforeAll(async () => {
    sandbox = await startTestSandbox()
    token = await customerToken(sandbox.origin, NEW_CUSTOMER_EMAIL)
    const catalogue = await loadCatalogue(sandbox.origin, token)
    // "ensure that the auth_token is already set": an order paid with an authorized Klarna payment.
    orderId = (await readyOrder(sandbox.origin, token, catalogue)).orderId
  })
  afterAll(() => sandbox.close())

  /** The request as the document's curl sends it: its three headers, its body, with host, ids and token changed. */
  const send = (query: string, body: string) =>
    fetch(`${sandbox.origin}/api/orders/${orderId}${query}`, {
      method: 'PATCH',
      headers: {
        Accept: 'application/vnd.api+json',
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/vnd.api+json',
      },
      body: body.replaceAll(DOCUMENTED_ORDER_ID, orderId),
    })

  let sourceId = ''
  const swap = (text: string) =>
    text
      .replaceAll(DOCUMENTED_HOST, sandbox.origin)
      .replaceAll(DOCUMENTED_ORDER_ID, orderId)
      .replaceAll(DOCUMENTED_SOURCE_ID, sourceId)

  it('saves the payment source to the wallet: 200 with exactly the documented shape', async () => {
    const response = await send('?include=available_customer_payment_sources', SAVE_REQUEST_BODY)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/vnd.api+json')
    const body = (await response.json()) as { included: { id: string }[] }
    sourceId = body.included[0]?.id ?? ''
    expect(sourceId).toMatch(/^[A-Za-z]{10}$/)
    expect(differences(body, withSchemaPaymentMethod(documented(SAVE_RESPONSE)), swap)).toEqual([])
  })

  it('associates the saved source with the order: 200 with exactly the documented shape', async () => {
    const response = await send('', REUSE_REQUEST_BODY.replaceAll(DOCUMENTED_SOURCE_ID, sourceId))
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(differences(body, documented(REUSE_RESPONSE), swap)).toEqual([])
  })

  it('then places the order with the saved source, no Klarna widget involved', async () => {
    const placed = expectStatus(await patchOrder(sandbox.origin, token, orderId, { attributes: { _place: true } }), 200)
    expect(placed.data.attributes).toMatchObject({ status: 'placed', payment_status: 'authorized' })
  })

  it('the check itself notices a missing, extra or renamed field', () => {
    const expected = documented(SAVE_RESPONSE) as { data: { relationships: Record<string, unknown> } }
    const extra = structuredClone(expected) as { data: { relationships: Record<string, unknown> } }
    extra.data.relationships.store = { links: {} }
    expect(differences(extra, expected, (text) => text)).not.toEqual([])
    const { market: _market, ...missing } = expected.data.relationships
    expect(
      differences({ ...expected, data: { ...expected.data, relationships: missing } }, expected, (text) => text),
    ).not.toEqual([])
  })
})
