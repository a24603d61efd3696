import { priceIsNowPayload, stockIsNowPayload } from './webhook-payloads'
import { HttpError } from '../http/errors'
import type { Store } from './store'
import type { Router } from '../http/router'
import type { Services } from '../module'

/**
 * Sandbox-only doors that change the catalogue as a merchant would in Commerce Layer's dashboard, and fire the
 * webhook Commerce Layer would (`prices.update`, `stock_items.update`), so a storefront's cache can be seen to follow:
 * `POST /sandbox/catalog/prices {"sku_code", "amount_cents"}` and `POST /sandbox/catalog/stock {"sku_code", "quantity"}`.
 * `"notify": false` changes the catalogue without the webhook, as when one is lost: what a test of the webhook's
 * own route needs to see that a refused webhook changed nothing.
 */
export function registerCatalogDoors(router: Router, store: Store, { webhooks }: Services): void {
  router.post('/sandbox/catalog/prices', async (ctx) => {
    const { sku_code: code, amount_cents: cents, notify } = objectOf(await ctx.json())
    if (typeof code !== 'string' || !Number.isInteger(cents) || (cents as number) < 0)
      throw new HttpError(400, { error: 'Send {"sku_code": "<code>", "amount_cents": <whole cents, 0 or more>}.' })
    const now = new Date().toISOString()
    const price = store.transaction(() => {
      store.run('UPDATE cl_prices SET amount_cents = ?, updated_at = ? WHERE sku_code = ?', cents as number, now, code)
      return store.get<{ id: string; sku_code: string; currency_code: string; amount_cents: number }>(
        'SELECT id, sku_code, currency_code, amount_cents FROM cl_prices WHERE sku_code = ? ORDER BY rowid LIMIT 1',
        code,
      )
    })
    if (!price) throw new HttpError(404, { error: `No price for SKU ${code}.` })
    if (notify !== false) webhooks.fire('prices.update', priceIsNowPayload(price))
    ctx.send(200, priceIsNowPayload(price))
  })

  router.post('/sandbox/catalog/stock', async (ctx) => {
    const { sku_code: code, quantity, notify } = objectOf(await ctx.json())
    if (typeof code !== 'string' || !Number.isInteger(quantity) || (quantity as number) < 0)
      throw new HttpError(400, { error: 'Send {"sku_code": "<code>", "quantity": <whole number, 0 or more>}.' })
    const now = new Date().toISOString()
    // The whole quantity in the SKU's first stock location, the others emptied: the shop sees the sum.
    const item = store.transaction(() => {
      const first = store.get<{ id: string }>('SELECT id FROM cl_stock_items WHERE sku_code = ? ORDER BY rowid', code)
      if (!first) return undefined
      store.run(
        'UPDATE cl_stock_items SET quantity = 0, updated_at = ? WHERE sku_code = ? AND id <> ?',
        now,
        code,
        first.id,
      )
      store.run(
        'UPDATE cl_stock_items SET quantity = ?, updated_at = ? WHERE id = ?',
        quantity as number,
        now,
        first.id,
      )
      return { id: first.id, sku_code: code, quantity: quantity as number }
    })
    if (!item) throw new HttpError(404, { error: `No stock item for SKU ${code}.` })
    if (notify !== false) webhooks.fire('stock_items.update', stockIsNowPayload(item))
    ctx.send(200, stockIsNowPayload(item))
  })

  router.get('/sandbox/webhooks', (ctx) => ctx.send(200, { url: webhooks.url ?? null, data: webhooks.deliveries }))
}

function objectOf(json: unknown): Record<string, unknown> {
  return json !== null && typeof json === 'object' ? (json as Record<string, unknown>) : {}
}
