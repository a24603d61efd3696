import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestSandbox, type TestSandbox } from '../helpers'
import { api, expectStatus, guestToken } from './api-helpers'
import { addLineItem, createOrder } from './checkout'

/**
 * On a real organization `image_url` is an absolute URL on the merchant's image host, so a storefront must load
 * pictures from another origin. The sandbox answers absolute URLs on its own origin and serves the pictures.
 */
describe('SKU pictures: absolute URLs on the sandbox’s image host', () => {
  let sandbox: TestSandbox
  let token: string
  beforeAll(async () => {
    sandbox = await startTestSandbox()
    token = await guestToken(sandbox.origin)
  })
  afterAll(() => sandbox.close())

  it('answers every SKU’s image_url absolute, on the origin it was called by, and serves the picture', async () => {
    const skus = expectStatus(
      await api(sandbox.origin, token, 'GET', 'skus?page[size]=25&fields[skus]=code,image_url'),
      200,
    )
    expect(skus.data).toHaveLength(9)
    for (const sku of skus.data) {
      const url = sku.attributes.image_url as string
      expect(url).toBe(`${sandbox.origin}/cdn/products/${(sku.attributes.code as string).toLowerCase()}.svg`)
      const picture = await fetch(url)
      expect(picture.status).toBe(200)
      expect(picture.headers.get('content-type')).toBe('image/svg+xml')
      expect(await picture.text()).toContain('<svg')
    }
    expect((await fetch(`${sandbox.origin}/cdn/products/no-such-picture.svg`)).status).toBe(404)
  })

  it('answers a line item’s image_url absolute too', async () => {
    const order = await createOrder(sandbox.origin, token)
    const line = expectStatus(await addLineItem(sandbox.origin, token, order.id, 'MUG-STONE-350', 1), 201)
    expect(line.data.attributes.image_url).toBe(`${sandbox.origin}/cdn/products/mug-stone-350.svg`)
  })
})

describe('SANDBOX_PUBLIC_URL: the origin browsers reach the sandbox by', () => {
  let sandbox: TestSandbox
  beforeAll(async () => {
    sandbox = await startTestSandbox({ publicUrl: 'https://shop-assets.example/' })
  })
  afterAll(() => sandbox.close())

  it('makes image URLs absolute on that origin, whatever host the API was called by', async () => {
    const token = await guestToken(sandbox.origin)
    const skus = expectStatus(await api(sandbox.origin, token, 'GET', 'skus?filter[q][code_eq]=BOWL-OAK-24'), 200)
    expect(skus.data[0]?.attributes.image_url).toBe('https://shop-assets.example/cdn/products/bowl-oak-24.svg')
  })
})
