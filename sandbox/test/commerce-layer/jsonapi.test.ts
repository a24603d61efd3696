import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CURRENCY_OF_COUNTRY } from '../../src/klarna/currencies'
import { startTestSandbox, type TestSandbox } from '../helpers'
import { api, expectStatus, guestToken } from './api-helpers'

describe('JSON:API conventions and the catalogue', () => {
  let sandbox: TestSandbox
  let token: string
  const get = (path: string, headers?: Record<string, string>) =>
    api(sandbox.origin, token, 'GET', path, undefined, headers)

  beforeAll(async () => {
    sandbox = await startTestSandbox()
    token = await guestToken(sandbox.origin)
  })
  afterAll(() => sandbox.close())

  it('lists the nine seeded SKUs with their prices, VAT included, in EUR', async () => {
    const body = expectStatus(await get('skus?include=prices&page[size]=25'), 200)
    expect(body.data).toHaveLength(9)
    expect(body.meta).toEqual({ record_count: 9, page_count: 1 })
    const mug = body.data.find((sku) => sku.attributes.code === 'MUG-STONE-350')
    expect(mug?.attributes).toMatchObject({
      name: 'Stoneware Mug',
      image_url: `${sandbox.origin}/cdn/products/mug-stone-350.svg`,
      description: expect.stringMatching(/\w.+\./),
    })
    const priceId = (mug?.relationships.prices?.data as { id: string }[])[0]?.id
    const price = body.included?.find((resource) => resource.id === priceId)
    expect(price?.attributes).toMatchObject({
      amount_cents: 1800,
      amount_float: 18,
      formatted_amount: '€18,00',
      currency_code: 'EUR',
    })
  })

  it('shows the out-of-stock SKU as such', async () => {
    const body = expectStatus(await get('skus?filter[q][code_eq]=PLANTER-TERRA-15&include=stock_items'), 200)
    expect(body.data[0]?.attributes.inventory).toMatchObject({ available: false, quantity: 0 })
    expect(body.included?.[0]?.attributes.quantity).toBe(0)
  })

  it('serves a resource with links, relationships and meta as Commerce Layer does', async () => {
    const list = expectStatus(await get('markets'), 200)
    const market = list.data[0]
    expect(market).toMatchObject({
      type: 'markets',
      links: { self: `${sandbox.origin}/api/markets/${market?.id}` },
      attributes: { code: 'europe', name: 'Europe' },
      relationships: {
        price_list: {
          links: {
            self: `${sandbox.origin}/api/markets/${market?.id}/relationships/price_list`,
            related: `${sandbox.origin}/api/markets/${market?.id}/price_list`,
          },
        },
      },
      meta: { mode: 'test' },
    })
    expect(market?.relationships.price_list).not.toHaveProperty('data')
    expect(market?.attributes.metadata).toEqual({
      shipping_country_codes: expect.arrayContaining(['IT', 'DE', 'NL']),
    })
    // A euro market: only countries where Klarna sells in euro (a Swedish shopper pays in SEK, elsewhere).
    const countries = (market?.attributes.metadata as { shipping_country_codes: string[] }).shipping_country_codes
    expect(countries.filter((country) => CURRENCY_OF_COUNTRY[country] !== 'EUR')).toEqual([])
    const priceList = expectStatus(await get(`markets/${market?.id}/price_list`), 200)
    expect(priceList.data.attributes).toMatchObject({ currency_code: 'EUR', tax_included: true })
    const prices = expectStatus(await get(`price_lists/${priceList.data.id}/prices?page[size]=4&page[number]=2`), 200)
    expect(prices.data).toHaveLength(4)
    expect(prices.meta).toEqual({ record_count: 9, page_count: 3 })
    expect(prices.links?.next).toBe(
      `${sandbox.origin}/api/price_lists/${priceList.data.id}/prices?page%5Bsize%5D=4&page%5Bnumber%5D=3`,
    )
    const linkage = expectStatus(await get(`markets/${market?.id}/relationships/price_list`), 200)
    expect(linkage.data).toEqual({ type: 'price_lists', id: priceList.data.id })
  })

  it('paginates with meta and links, at most 25 a page', async () => {
    const body = expectStatus(await get('skus?page[size]=4&page[number]=2&sort=code'), 200)
    expect(body.data.map((sku) => sku.attributes.code)).toEqual([
      'PLANTER-TERRA-15',
      'TEAPOT-CAST-900',
      'THROW-WOOL-OAT',
      'TOWEL-LINEN-SAGE',
    ])
    expect(body.meta).toEqual({ record_count: 9, page_count: 3 })
    expect(Object.keys(body.links ?? {})).toEqual(['first', 'prev', 'next', 'last'])
    expect(body.links?.next).toContain('page%5Bnumber%5D=3')
    const first = expectStatus(await get('skus?page[size]=4&sort=code'), 200)
    expect(first.data.map((sku) => sku.attributes.code)).toEqual([
      'BOARD-WALNUT-40',
      'BOWL-OAK-24',
      'CANDLE-FIG-200',
      'MUG-STONE-350',
    ])
    expect(first.links).not.toHaveProperty('prev')
    const tooBig = await get('skus?page[size]=26')
    expect(tooBig.status).toBe(400)
    expect(tooBig.body.errors?.[0]).toMatchObject({ code: 'INVALID_PAGE_VALUE', source: { parameter: 'page[size]' } })
  })

  it('sorts, and filters with ransack predicates', async () => {
    const codes = async (query: string) =>
      expectStatus(await get(`skus?${query}&page[size]=25`), 200).data.map((sku) => sku.attributes.code)
    expect((await codes('sort=-name'))[0]).toBe('THROW-WOOL-OAT')
    expect(await codes('filter[q][name_cont]=oak&sort=code')).toEqual(['BOWL-OAK-24'])
    expect(await codes('filter[q][code_start]=T&sort=code')).toEqual([
      'TEAPOT-CAST-900',
      'THROW-WOOL-OAT',
      'TOWEL-LINEN-SAGE',
    ])
    expect(await codes('filter[q][code_in]=BOWL-OAK-24,MUG-STONE-350&sort=-code')).toEqual([
      'MUG-STONE-350',
      'BOWL-OAK-24',
    ])
    expect(await codes('filter[q][code_not_in]=BOWL-OAK-24,MUG-STONE-350')).toHaveLength(7)
    expect(await codes('filter[q][name_or_code_cont]=walnut')).toEqual(['BOARD-WALNUT-40'])
    expect(await codes('filter[q][reference_null]=true')).toHaveLength(9)
    expect(await codes('filter[q][description_present]=false')).toEqual([])
    const prices = expectStatus(await get('prices?filter[q][amount_cents_gteq]=5500&sort=amount_cents'), 200)
    expect(prices.data.map((price) => price.attributes.amount_cents)).toEqual([5500, 6400, 11900])
    const stock = expectStatus(await get('stock_items?filter[q][quantity_lt]=1'), 200)
    expect(stock.data.map((item) => item.attributes.sku_code)).toEqual(['PLANTER-TERRA-15'])
  })

  it.each([
    ['skus?include=nothing', 'INVALID_INCLUDE', { parameter: 'include' }],
    ['skus?include=prices.nowhere', 'INVALID_INCLUDE', { parameter: 'include' }],
    ['skus?fields[skus]=code,colour', 'INVALID_FIELD', { parameter: 'fields[skus]' }],
    ['skus?fields[widgets]=code', 'INVALID_RESOURCE', { parameter: 'fields[widgets]' }],
    ['skus?filter[q][colour_eq]=red', 'FILTER_NOT_ALLOWED', { parameter: 'filter[q][colour_eq]' }],
    ['skus?filter[q][inventory_eq]=1', 'FILTER_NOT_ALLOWED', { parameter: 'filter[q][inventory_eq]' }],
    ['prices?filter[q][amount_cents_gt]=lots', 'BAD_REQUEST', { parameter: 'filter[q][amount_cents_gt]' }],
    ['skus?sort=colour', 'INVALID_SORT_CRITERIA', { parameter: 'sort' }],
    ['skus?page[number]=0', 'INVALID_PAGE_VALUE', { parameter: 'page[number]' }],
    ['skus?colour=red', 'PARAM_NOT_ALLOWED', { parameter: 'colour' }],
  ])('refuses %s naming what is wrong', async (path, code, source) => {
    const answer = await get(path)
    expect(answer.status).toBe(400)
    expect(answer.headers.get('content-type')).toBe('application/vnd.api+json')
    expect(answer.body.errors).toEqual([
      { title: expect.any(String), detail: expect.any(String), code, status: '400', source },
    ])
  })

  it('applies sparse fieldsets to attributes and relationships', async () => {
    const body = expectStatus(await get('skus?fields[skus]=code,prices&page[size]=1'), 200)
    expect(Object.keys(body.data[0]?.attributes ?? {})).toEqual(['code'])
    expect(Object.keys(body.data[0]?.relationships ?? {})).toEqual(['prices'])
  })

  it('answers 406 and 415 for the wrong media types', async () => {
    const notAcceptable = await get('skus', { Accept: 'application/json' })
    expect(notAcceptable.status).toBe(406)
    expect(notAcceptable.body.errors?.[0]?.code).toBe('NOT_ACCEPTABLE')
    expect((await get('skus', { Accept: '*/*' })).status).toBe(200)
    const unsupported = await api(
      sandbox.origin,
      token,
      'POST',
      'orders',
      { type: 'orders', attributes: {} },
      { 'Content-Type': 'application/json' },
    )
    expect(unsupported.status).toBe(415)
    expect(unsupported.body.errors?.[0]?.code).toBe('UNSUPPORTED_MEDIA_TYPE')
  })

  it('refuses catalogue writes to a sales channel, and names what it does not serve', async () => {
    const sku = expectStatus(await get('skus?page[size]=1'), 200).data[0]
    const update = await api(sandbox.origin, token, 'PATCH', `skus/${sku?.id}`, {
      type: 'skus',
      id: sku?.id,
      attributes: { name: 'x' },
    })
    expect(update.status).toBe(401)
    expect(update.body.errors?.[0]).toMatchObject({ code: 'UNAUTHORIZED', title: 'Access denied' })
    expect((await api(sandbox.origin, token, 'DELETE', `skus/${sku?.id}`)).status).toBe(401)
    const missing = await get('skus/nope')
    expect(missing.status).toBe(404)
    expect(missing.body.errors?.[0]).toMatchObject({
      code: 'RECORD_NOT_FOUND',
      detail: 'The record identified by nope could not be found.',
    })
    const unknown = await get('bundles')
    expect(unknown.status).toBe(404)
    expect(unknown.body.errors?.[0]?.detail).toMatch(/does not serve \/api\/bundles/)
    const relationship = await get(`skus/${sku?.id}/colours`)
    expect(relationship.status).toBe(404)
  })

  it('serves shipping methods, the Klarna payment method and its gateway (credentials never shown)', async () => {
    const shipping = expectStatus(await get('shipping_methods?sort=price_amount_cents'), 200)
    expect(shipping.data.map((method) => [method.attributes.name, method.attributes.price_amount_cents])).toEqual([
      ['Standard', 0],
      ['Express', 990],
    ])
    expect(shipping.data[1]?.attributes.metadata).toEqual({ delivery_lead_time: { min_days: 1, max_days: 2 } })
    const methods = expectStatus(await get('payment_methods?include=payment_gateway'), 200)
    expect(methods.data[0]?.attributes).toMatchObject({
      name: 'Klarna',
      payment_source_type: 'klarna_payments',
      currency_code: 'EUR',
      price_amount_cents: 0,
    })
    const gateways = expectStatus(await get('klarna_gateways'), 200)
    expect(gateways.data[0]?.attributes.name).toBe('Klarna (sandbox)')
    expect(JSON.stringify(gateways)).not.toMatch(/sandbox-klarna-(key|secret)/)
  })
})
