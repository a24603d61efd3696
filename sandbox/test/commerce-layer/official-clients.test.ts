import { CommerceLayer, type CommerceLayerBundle } from '@commercelayer/sdk/bundle'
import { decodeJwt } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RETURNING_CUSTOMER_EMAIL } from '../../src/seed-constants'
import { startTestSandbox, type TestSandbox } from '../helpers'
import { api, customerToken, expectStatus, guestToken } from './api-helpers'
import { addLineItem, createOrder, fillCheckout, loadCatalogue, patchOrder, type Catalogue } from './checkout'
import { ORDER_FETCHABLE_ATTRIBUTES } from './fixtures/order-attributes'

/**
 * What Commerce Layer's own clients ask for, asked the way they ask it: the official SDK configured with nothing but
 * a token (it derives the organization and host from the token, as @commercelayer/react-components does), and the
 * requests react-components and mfe-checkout 6.5.2 send. The only help is the fetch, which routes
 * https://sandbox.localhost (what the token names) to the sandbox, as DNS or a proxy would for SANDBOX_DOMAIN.
 */

/** The 14 include paths react-components' order read accumulates over a checkout. */
const REACT_COMPONENTS_ORDER_INCLUDE = [
  'line_items.item',
  'line_items.line_item_options.sku_option',
  'shipments.available_shipping_methods',
  'shipments.stock_line_items.line_item',
  'shipments.shipping_method',
  'shipments.stock_transfers.line_item',
  'shipments.stock_location',
  'billing_address',
  'shipping_address',
  'available_payment_methods',
  'available_customer_payment_sources.payment_source',
  'available_customer_payment_sources.payment_method',
  'payment_method',
  'payment_source',
]

describe('Commerce Layer’s own clients against the sandbox', () => {
  let sandbox: TestSandbox
  let catalogue: Catalogue
  let token: string
  let cl: CommerceLayerBundle
  let orderId: string

  beforeAll(async () => {
    sandbox = await startTestSandbox()
    catalogue = await loadCatalogue(sandbox.origin, await guestToken(sandbox.origin))
    token = await customerToken(sandbox.origin, RETURNING_CUSTOMER_EMAIL)
    const routeToSandbox: typeof fetch = (input, init) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url)
      if (url.origin !== 'https://sandbox.localhost') throw new Error(`the SDK called ${url.origin}`)
      return fetch(`${sandbox.origin}${url.pathname}${url.search}`, init)
    }
    cl = CommerceLayer({ accessToken: token, fetch: routeToSandbox } as Parameters<typeof CommerceLayer>[0])
    const order = await createOrder(sandbox.origin, token)
    expectStatus(await addLineItem(sandbox.origin, token, order.id, 'VASE-GLASS-AMBER', 2), 201)
    await fillCheckout(sandbox.origin, token, order.id, catalogue)
    orderId = order.id
  })
  afterAll(() => sandbox.close())

  it('issues tokens whose iss has Commerce Layer’s shape, https://auth.<domain>', () => {
    expect(decodeJwt(token).iss).toBe('https://auth.localhost')
  })

  it('answers react-components’ order read with all 14 include paths, empty where the sandbox holds nothing', async () => {
    const sources = await cl.customer_payment_sources.list()
    const savedSource = sources.first()
    expect(savedSource).toBeDefined()
    await cl.orders._customer_payment_source_id(orderId, savedSource?.id ?? '')

    const order = await cl.orders.retrieve(orderId, { include: REACT_COMPONENTS_ORDER_INCLUDE })
    const skuLines = order.line_items?.filter((line) => line.item_type === 'skus') ?? []
    expect(skuLines.map((line) => [line.sku_code, line.line_item_options])).toEqual([['VASE-GLASS-AMBER', []]])
    const [shipment] = order.shipments ?? []
    expect(shipment?.stock_location).toMatchObject({ type: 'stock_locations', name: 'Main warehouse' })
    expect(shipment?.stock_transfers).toEqual([])
    expect(shipment?.stock_line_items?.map((item) => [item.quantity, item.line_item?.id])).toEqual([
      [2, skuLines[0]?.id],
    ])
    expect(shipment?.shipping_method?.name).toBe('Standard')
    expect(order.available_customer_payment_sources?.map((source) => source.payment_method?.id)).toEqual([
      catalogue.klarnaMethodId,
    ])
    // The payment a saved source creates says what it pays with, as react-components shows beside the source.
    expect(order.payment_source).toMatchObject({
      type: 'klarna_payments',
      payment_instrument: { issuer_type: 'klarna', payment_method_type: 'invoice' },
    })
  })

  it('answers mfe-checkout’s first two requests: the organization and the order with its fields', async () => {
    const organization = await cl.organization.retrieve({
      fields: {
        organizations: [
          'id',
          'logo_url',
          'name',
          'primary_color',
          'favicon_url',
          'gtm_id',
          'gtm_id_test',
          'support_email',
          'support_phone',
          'config',
        ],
      },
    })
    expect(organization).toMatchObject({
      type: 'organizations',
      name: 'Sandbox Store',
      primary_color: expect.stringMatching(/^#[0-9a-f]{6}$/),
      support_email: expect.stringContaining('@'),
      config: {},
    })
    const order = await cl.orders.retrieve(orderId, {
      fields: {
        orders: [
          'id',
          'autorefresh',
          'status',
          'number',
          'guest',
          'token',
          'language_code',
          'terms_url',
          'privacy_url',
          'line_items',
          'expires_at',
          'expiration_info',
          'customer',
          'payment_status',
        ],
        line_items: ['item_type', 'item'],
      },
      include: ['line_items', 'line_items.item', 'customer'],
    })
    expect(order).toMatchObject({ status: 'pending', token: expect.stringMatching(/^[0-9a-f]{32}$/) })
    expect(order.expiration_info).toBeNull()
  })

  it('answers mfe-checkout’s order read, its delivery lead times and its customer’s address book', async () => {
    const order = await cl.orders.retrieve(orderId, {
      fields: {
        orders: [
          'id',
          'number',
          'coupon_code',
          'currency_code',
          'shipping_amount_float',
          'total_tax_amount_float',
          'guest',
          'shipping_country_code_lock',
          'customer_email',
          'status',
          'return_url',
          'cart_url',
          'tax_included',
          'requires_billing_info',
          'total_amount_with_taxes_float',
          'language_code',
          'subscription_created_at',
          'shipping_address',
          'billing_address',
          'shipments',
          'payment_method',
          'payment_source',
          'customer',
          'line_items',
          'payment_status',
        ],
        shipments: ['shipping_method', 'available_shipping_methods'],
        customers: ['customer_addresses'],
        customer_addresses: ['address'],
        line_items: ['frequency'],
      },
      include: [
        'shipping_address',
        'billing_address',
        'shipments',
        'shipments.shipping_method',
        'shipments.available_shipping_methods',
        'payment_method',
        'payment_source',
        'customer',
        'customer.customer_addresses',
        'customer.customer_addresses.address',
        'line_items',
      ],
    })
    expect(order.subscription_created_at).toBeNull()
    expect(order.customer?.customer_addresses?.[0]?.address?.city).toBe('Milano')

    const leadTimes = await cl.delivery_lead_times.list({
      include: ['shipping_method', 'stock_location'],
      pageNumber: 1,
    })
    expect(leadTimes.meta.pageCount).toBe(1)
    expect(
      Array.from(leadTimes, (time) => [
        time.shipping_method?.name,
        time.min_days,
        time.max_days,
        time.stock_location?.name,
      ]),
    ).toEqual([
      ['Standard', 3, 5, 'Main warehouse'],
      ['Express', 1, 2, 'Main warehouse'],
    ])
  })

  it('serves every order attribute of Commerce Layer’s schema by name in fields[orders]', async () => {
    const body = expectStatus(
      await api(
        sandbox.origin,
        token,
        'GET',
        `orders/${orderId}?fields[orders]=${ORDER_FETCHABLE_ATTRIBUTES.join(',')}`,
      ),
      200,
    )
    expect(Object.keys(body.data.attributes).sort()).toEqual([...ORDER_FETCHABLE_ATTRIBUTES].sort())
    expect(body.data.attributes).toMatchObject({ customer_type: 'returning', circuit_state: 'closed' })
  })

  it('serves the organization only as the singleton GET /api/organization', async () => {
    const listed = await api(sandbox.origin, token, 'GET', 'organizations')
    expect(listed.status).toBe(404)
    const unknownField = await api(sandbox.origin, token, 'GET', 'organization?fields[organizations]=colour')
    expect(unknownField.status).toBe(400)
    expect(unknownField.body.errors?.[0]?.code).toBe('INVALID_FIELD')
  })

  it('lets a guest start an order and read what those clients read, before any customer exists', async () => {
    const guest = await guestToken(sandbox.origin)
    const order = await createOrder(sandbox.origin, guest)
    expectStatus(await addLineItem(sandbox.origin, guest, order.id, 'MUG-STONE-350', 1), 201)
    const read = expectStatus(
      await api(sandbox.origin, guest, 'GET', `orders/${order.id}?include=${REACT_COMPONENTS_ORDER_INCLUDE.join(',')}`),
      200,
    )
    expect(read.data.relationships.available_customer_payment_sources?.data).toEqual([])
    expect(read.data.attributes.customer_type).toBeNull()
    const placed = await patchOrder(sandbox.origin, guest, order.id, { attributes: { _place: true } })
    expect(placed.status).toBe(422)
  })
})

describe('CORS on /api and /oauth, as Commerce Layer serves its browser clients', () => {
  let sandbox: TestSandbox
  beforeAll(async () => {
    sandbox = await startTestSandbox()
  })
  afterAll(() => sandbox.close())

  const preflight = (path: string, method: string) =>
    fetch(`${sandbox.origin}${path}`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://checkout.example',
        'Access-Control-Request-Method': method,
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    })

  it('answers preflights for the API and the token endpoint without a token', async () => {
    for (const [path, method] of [
      ['/api/orders/AbCdEfGhIj', 'PATCH'],
      ['/api/organization', 'GET'],
      ['/oauth/token', 'POST'],
    ] as const) {
      const answer = await preflight(path, method)
      expect(answer.status).toBe(204)
      expect(answer.headers.get('access-control-allow-origin')).toBe('*')
      expect(answer.headers.get('access-control-allow-methods')).toContain(method)
      expect(answer.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization')
      expect(answer.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type')
    }
  })

  it('lets a browser read answers, refusals included', async () => {
    const token = await guestToken(sandbox.origin)
    const skus = await fetch(`${sandbox.origin}/api/skus`, {
      headers: { Authorization: `Bearer ${token}`, Origin: 'https://checkout.example' },
    })
    expect(skus.headers.get('access-control-allow-origin')).toBe('*')
    const refused = await fetch(`${sandbox.origin}/api/orders`, { headers: { Origin: 'https://checkout.example' } })
    expect(refused.status).toBe(401)
    expect(refused.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('keeps the sandbox’s own doors and Klarna’s REST API out of it', async () => {
    expect((await preflight('/sandbox/requests', 'GET')).headers.get('access-control-allow-origin')).toBeNull()
    expect(
      (await preflight('/klarna/payments/v1/sessions', 'POST')).headers.get('access-control-allow-origin'),
    ).toBeNull()
  })
})

describe('SANDBOX_DOMAIN: the domain the tokens name', () => {
  it('puts https://auth.<domain> in iss, and the organization’s domain follows', async () => {
    const sandbox = await startTestSandbox({ domain: 'commerce.test' })
    try {
      const token = await guestToken(sandbox.origin)
      expect(decodeJwt(token).iss).toBe('https://auth.commerce.test')
      const organization = expectStatus(await api(sandbox.origin, token, 'GET', 'organization'), 200)
      expect(organization.data.attributes.domain).toBe('sandbox.commerce.test')
    } finally {
      await sandbox.close()
    }
  })
})
