import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { catalogTags } from './catalog-tags'
import { isSignedByCommerceLayer, tagsToRevalidate } from './webhooks'

const secret = 'a-shared-secret'
const sign = (body: string, key = secret) => createHmac('sha256', key).update(body).digest('base64')
const scope = { clientId: 'client', marketScope: 'market:code:europe' }

describe('isSignedByCommerceLayer', () => {
  const body = JSON.stringify({ data: { type: 'prices', attributes: { sku_code: 'MUG', amount_cents: 1900 } } })

  it('accepts the base64 HMAC-SHA256 of the raw body with the shared secret', () => {
    expect(isSignedByCommerceLayer(Buffer.from(body), sign(body), secret)).toBe(true)
  })

  it('refuses a missing signature, another secret, an altered body and a missing secret', () => {
    expect(isSignedByCommerceLayer(Buffer.from(body), null, secret)).toBe(false)
    expect(isSignedByCommerceLayer(Buffer.from(body), sign(body, 'another'), secret)).toBe(false)
    expect(isSignedByCommerceLayer(Buffer.from(body.replace('1900', '1')), sign(body), secret)).toBe(false)
    expect(isSignedByCommerceLayer(Buffer.from(body), sign(body), undefined)).toBe(false)
    expect(isSignedByCommerceLayer(Buffer.from(body), 'not base64 at all', secret)).toBe(false)
  })
})

describe('tagsToRevalidate', () => {
  it('a price or stock change: the grid and that product', () => {
    const payload = { data: { type: 'stock_items', attributes: { sku_code: 'MUG', quantity: 0 } } }
    expect(tagsToRevalidate('stock_items.update', payload, scope)).toEqual([
      catalogTags.list(scope),
      catalogTags.sku(scope, 'MUG'),
    ])
  })

  it('a catalogue change that names no SKU: the whole catalogue', () => {
    expect(tagsToRevalidate('prices.update', { data: { type: 'prices', attributes: {} } }, scope)).toEqual([
      catalogTags.all(scope),
    ])
  })

  it('a placed order: the SKUs its line items took stock from, not its shipping line', () => {
    const payload = {
      data: { type: 'orders', attributes: { status: 'placed' } },
      included: [
        { type: 'line_items', attributes: { item_type: 'skus', sku_code: 'MUG' } },
        { type: 'line_items', attributes: { item_type: 'skus', sku_code: 'MUG' } },
        { type: 'line_items', attributes: { item_type: 'shipments', sku_code: null } },
      ],
    }
    expect(tagsToRevalidate('orders.place', payload, scope)).toEqual([
      catalogTags.list(scope),
      catalogTags.sku(scope, 'MUG'),
    ])
    expect(tagsToRevalidate('orders.place', { data: { type: 'orders' } }, scope)).toEqual([catalogTags.all(scope)])
  })

  it('anything else changes no cached read', () => {
    expect(tagsToRevalidate('customers.create', { data: { type: 'customers' } }, scope)).toEqual([])
    expect(tagsToRevalidate('', null, scope)).toEqual([])
  })
})
