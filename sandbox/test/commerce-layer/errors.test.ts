import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestSandbox, type TestSandbox } from '../helpers'
import { api, guestToken, JSONAPI } from './api-helpers'
import { addLineItem, createOrder, loadCatalogue, patchOrder, readyOrder, type Catalogue } from './checkout'

type ErrorObject = { title: string; detail: string; code: string; status: string }

/** Every class of error the Core API answers with, each in Commerce Layer's shape, and never a 5xx for bad input. */
describe('error classes of the Core API', () => {
  let sandbox: TestSandbox
  let token: string
  let catalogue: Catalogue
  let orderId: string
  beforeAll(async () => {
    sandbox = await startTestSandbox()
    token = await guestToken(sandbox.origin)
    catalogue = await loadCatalogue(sandbox.origin, token)
    orderId = (await createOrder(sandbox.origin, token)).id
  })
  afterAll(() => sandbox.close())

  const expectError = (answer: { status: number; body: { errors?: ErrorObject[] } }, status: number, code: string) => {
    expect(answer.status).toBe(status)
    expect(answer.body.errors?.[0]).toMatchObject({
      status: String(status),
      code,
      title: expect.any(String),
      detail: expect.any(String),
    })
  }

  it.each([
    [
      '400 BAD_REQUEST: a body that is not JSON',
      () => api(sandbox.origin, token, 'PATCH', `orders/${orderId}`, 'not json'),
      400,
      'BAD_REQUEST',
    ],
    [
      '400 BAD_REQUEST: a body nested more than 100 levels deep',
      () =>
        patchOrder(sandbox.origin, token, orderId, {
          attributes: { metadata: { deep: JSON.parse(`${'['.repeat(100)}${']'.repeat(100)}`) } },
        }),
      400,
      'BAD_REQUEST',
    ],
    [
      '400 PARAM_NOT_ALLOWED: an unknown attribute',
      () => patchOrder(sandbox.origin, token, orderId, { attributes: { size: 'XL' } }),
      400,
      'PARAM_NOT_ALLOWED',
    ],
    [
      '400 BAD_REQUEST: text with half a surrogate pair, which would be stored as U+FFFD',
      () =>
        api(
          sandbox.origin,
          token,
          'PATCH',
          `orders/${orderId}`,
          `{"data":{"type":"orders","id":"${orderId}","attributes":{"reference":"x\\ud800y"}}}`,
        ),
      400,
      'BAD_REQUEST',
    ],
    [
      '400 PARAM_NOT_ALLOWED: an attribute named after a property every object has',
      () => api(sandbox.origin, token, 'POST', 'orders', { type: 'orders', attributes: { constructor: 1 } }),
      400,
      'PARAM_NOT_ALLOWED',
    ],
    [
      '400 PARAM_NOT_ALLOWED: a __proto__ relationship (JSON.parse keeps it as a key; copying it would drop it)',
      () =>
        api(
          sandbox.origin,
          token,
          'POST',
          'orders',
          '{"data":{"type":"orders","attributes":{},"relationships":{"__proto__":{"data":null}}}}',
        ),
      400,
      'PARAM_NOT_ALLOWED',
    ],
    [
      '400 INVALID_INCLUDE: include=constructor',
      () => api(sandbox.origin, token, 'GET', `orders/${orderId}?include=line_items.__proto__`),
      400,
      'INVALID_INCLUDE',
    ],
    [
      '400 INVALID_FIELD: fields[orders]=constructor',
      () => api(sandbox.origin, token, 'GET', `orders/${orderId}?fields[orders]=constructor`),
      400,
      'INVALID_FIELD',
    ],
    [
      '404 NOT_FOUND: a relationship named toString',
      () => api(sandbox.origin, token, 'GET', `orders/${orderId}/toString`),
      404,
      'NOT_FOUND',
    ],
    [
      '400 INVALID_PAGE_VALUE: a page number past any row offset',
      () => api(sandbox.origin, token, 'GET', 'skus?page[number]=99999999999999999999'),
      400,
      'INVALID_PAGE_VALUE',
    ],
    [
      '400 KEY_NOT_INCLUDED_IN_URL: another id in the body',
      () => api(sandbox.origin, token, 'PATCH', `orders/${orderId}`, { type: 'orders', id: 'x' }),
      400,
      'KEY_NOT_INCLUDED_IN_URL',
    ],
    ['401 UNAUTHORIZED: no token', () => api(sandbox.origin, undefined, 'GET', 'skus'), 401, 'UNAUTHORIZED'],
    ['401 UNAUTHORIZED: no permission', () => api(sandbox.origin, token, 'GET', 'orders'), 401, 'UNAUTHORIZED'],
    ['401 INVALID_TOKEN: a forged token', () => api(sandbox.origin, `${token}x`, 'GET', 'skus'), 401, 'INVALID_TOKEN'],
    ['404 RECORD_NOT_FOUND', () => api(sandbox.origin, token, 'GET', 'orders/missing'), 404, 'RECORD_NOT_FOUND'],
    [
      '404 NOT_FOUND: a resource the sandbox does not serve',
      () => api(sandbox.origin, token, 'GET', 'gift_cards'),
      404,
      'NOT_FOUND',
    ],
    [
      '405 METHOD_NOT_ALLOWED',
      () => api(sandbox.origin, token, 'PUT', `orders/${orderId}`, {}),
      405,
      'METHOD_NOT_ALLOWED',
    ],
    [
      '406 NOT_ACCEPTABLE',
      () => api(sandbox.origin, token, 'GET', 'skus', undefined, { Accept: 'text/html' }),
      406,
      'NOT_ACCEPTABLE',
    ],
    ['409 TYPE_MISMATCH', () => api(sandbox.origin, token, 'POST', 'orders', { type: 'carts' }), 409, 'TYPE_MISMATCH'],
    [
      '413 PAYLOAD_TOO_LARGE',
      () => api(sandbox.origin, token, 'POST', 'orders', 'x'.repeat(1024 * 1024 + 1)),
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    [
      '415 UNSUPPORTED_MEDIA_TYPE',
      () => api(sandbox.origin, token, 'POST', 'orders', { type: 'orders' }, { 'Content-Type': 'text/plain' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      '422 VALIDATION_ERROR',
      () => addLineItem(sandbox.origin, token, orderId, 'PLANTER-TERRA-15', 1),
      422,
      'VALIDATION_ERROR',
    ],
  ])('%s', async (_name, request, status, code) => {
    const answer = await request()
    expectError(answer, status, code)
    expect(answer.headers.get('content-type')).toBe(JSONAPI)
  })

  it('423 LOCKED: changing an order while it is being placed', async () => {
    const { orderId: placing } = await readyOrder(sandbox.origin, token, catalogue)
    sandbox.db.prepare('UPDATE cl_orders SET placing_started_at = ? WHERE id = ?').run(sandbox.clock.now(), placing)
    expectError(await addLineItem(sandbox.origin, token, placing, 'MUG-STONE-350', 1), 423, 'LOCKED')
    sandbox.db.prepare('UPDATE cl_orders SET placing_started_at = NULL WHERE id = ?').run(placing)
  })

  it('never answers 5xx, whatever JSON arrives as a body', async () => {
    const targets = [
      ['POST', 'orders'],
      ['PATCH', `orders/${orderId}`],
      ['POST', 'line_items'],
      ['POST', 'addresses'],
      ['POST', 'customers'],
      ['POST', 'klarna_payments'],
    ] as const
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record({
        data: fc.record({
          type: fc.constantFrom('orders', 'line_items', 'addresses', 'customers', 'klarna_payments'),
          id: fc.constantFrom(orderId, 'x'),
          attributes: fc.dictionary(
            fc.constantFrom(
              'quantity',
              'sku_code',
              '_place',
              'customer_email',
              'email',
              'line_1',
              'metadata',
              '_refresh',
            ),
            fc.jsonValue(),
          ),
          relationships: fc.dictionary(fc.constantFrom('order', 'item', 'billing_address'), fc.jsonValue()),
        }),
      }),
    )
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), body, async ([method, path], value) => {
        const answer = await api(sandbox.origin, token, method, path, JSON.stringify(value))
        expect(answer.status).toBeLessThan(500)
      }),
      { numRuns: 150 },
    )
  })
})
