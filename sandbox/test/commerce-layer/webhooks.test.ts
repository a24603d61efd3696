import { createHmac } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestSandbox, type TestSandbox } from '../helpers'
import { api, expectStatus, guestToken } from './api-helpers'
import { loadCatalogue, readyOrder, type Catalogue } from './checkout'

type Received = { topic: string; signature: string; body: string }

/** Commerce Layer's webhooks, sent by the sandbox to a callback URL it is given, signed with the shared secret. */
describe('webhooks', () => {
  const secret = 'test-webhook-secret'
  const received: Received[] = []
  let receiver: Server
  let sandbox: TestSandbox
  let guest: string
  let catalogue: Catalogue

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        received.push({
          topic: String(req.headers['x-commercelayer-topic']),
          signature: String(req.headers['x-commercelayer-signature']),
          body: Buffer.concat(chunks).toString('utf8'),
        })
        res.writeHead(200).end()
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    const address = receiver.address() as { port: number }
    sandbox = await startTestSandbox({ webhooks: { url: `http://127.0.0.1:${address.port}/hook`, secret } })
    guest = await guestToken(sandbox.origin)
    catalogue = await loadCatalogue(sandbox.origin, guest)
  })
  afterAll(async () => {
    await sandbox.close()
    await new Promise((resolve) => receiver.close(resolve))
  })

  const next = async (topic: string) => {
    await sandbox.webhooks.settled()
    const found = received.find((item) => item.topic === topic)
    if (!found) throw new Error(`no ${topic} webhook among ${received.map((item) => item.topic).join(', ')}`)
    received.splice(received.indexOf(found), 1)
    expect(found.signature).toBe(createHmac('sha256', secret).update(found.body).digest('base64'))
    return JSON.parse(found.body)
  }

  it('a price changed through the door: prices.update, signed, naming the SKU', async () => {
    const answer = await fetch(`${sandbox.origin}/sandbox/catalog/prices`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sku_code: 'MUG-STONE-350', amount_cents: 1990 }),
    })
    expect(answer.status).toBe(200)
    const payload = await next('prices.update')
    expect(payload.data).toMatchObject({
      type: 'prices',
      attributes: { sku_code: 'MUG-STONE-350', amount_cents: 1990 },
    })
    const skus = expectStatus(
      await api(sandbox.origin, guest, 'GET', 'skus?filter[q][code_eq]=MUG-STONE-350&include=prices'),
      200,
    )
    expect(skus.included?.find((item) => item.type === 'prices')?.attributes.amount_cents).toBe(1990)
  })

  it('stock changed through the door: stock_items.update', async () => {
    const answer = await fetch(`${sandbox.origin}/sandbox/catalog/stock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sku_code: 'BOWL-OAK-24', quantity: 3 }),
    })
    expect(answer.status).toBe(200)
    expect((await next('stock_items.update')).data.attributes).toEqual({ sku_code: 'BOWL-OAK-24', quantity: 3 })
  })

  it('an order placed: orders.place with the line items that took stock', async () => {
    const { orderId } = await readyOrder(sandbox.origin, guest, catalogue, [['BOWL-OAK-24', 3]])
    expectStatus(
      await api(sandbox.origin, guest, 'PATCH', `orders/${orderId}`, {
        type: 'orders',
        id: orderId,
        attributes: { _place: true },
      }),
      200,
    )
    const payload = await next('orders.place')
    expect(payload.data).toMatchObject({ id: orderId, type: 'orders', attributes: { status: 'placed' } })
    expect(payload.included).toContainEqual(
      expect.objectContaining({
        type: 'line_items',
        attributes: { item_type: 'skus', sku_code: 'BOWL-OAK-24', quantity: 3 },
      }),
    )
  })

  it('wrong input at the doors is a 400 and sends nothing', async () => {
    const before = received.length
    const answer = await fetch(`${sandbox.origin}/sandbox/catalog/prices`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"sku_code": 1}',
    })
    expect(answer.status).toBe(400)
    await sandbox.webhooks.settled()
    expect(received.length).toBe(before)
  })
})
