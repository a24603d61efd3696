// `npm run load:store`: virtual shoppers against the storefront's production build and a fresh sandbox, over HTTP
// (no browser): browse, add to cart, sign in, check out and pay with a saved Klarna source through the server actions
// the pages' buttons call. Prints pages/s, p50/p99 per step, Commerce Layer requests per checkout and per page view,
// tokens per minute, the 429s seen, and an audit of the books.
//
//   npm run load:store -- [--shoppers 50] [--seconds 60] [--limits] [--max-requests 200000]
//   LOAD_STORE_PORT / LOAD_SANDBOX_PORT move the two servers (default 3210 / 3211); loopback only.
// `--limits` starts the sandbox with SANDBOX_RATE_LIMITS=1 (Commerce Layer's per-IP limits). Needs `npm run build`.
import { parseArgs } from 'node:util'
import { startServers } from './lib/servers.mjs'
import { sandboxRequestPatiently } from './load-store/http.mjs'
import { customerToken, LOAD_PASSWORD, seedCustomer } from './load-store/seed.mjs'
import { ActionDirectory, Shopper } from './load-store/shopper.mjs'
import { createStats } from './load-store/stats.mjs'

const { values } = parseArgs({
  options: {
    shoppers: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '60' },
    limits: { type: 'boolean', default: false },
    'max-requests': { type: 'string', default: '200000' },
  },
})
const shoppers = Number(values.shoppers)
const seconds = Number(values.seconds)
const maxRequests = Number(values['max-requests'])
const storefrontPort = Number(process.env.LOAD_STORE_PORT ?? 3210)
const sandboxPort = Number(process.env.LOAD_SANDBOX_PORT ?? 3211)
const SKU = 'MUG-STONE-350'
const runId = Date.now().toString(36)

console.log(
  `${shoppers} shoppers for ${seconds} s, Commerce Layer's rate limits ${values.limits ? 'ON' : 'off'}; ` +
    `storefront :${storefrontPort}, sandbox :${sandboxPort}`,
)
const servers = await startServers({
  storefrontPort,
  sandboxPort,
  sandboxEnv: {
    SANDBOX_RATE_LIMITS: values.limits ? '1' : '0',
    SANDBOX_WEBHOOK_URL: `http://localhost:${storefrontPort}/api/webhooks/commerce-layer`,
  },
})
const { sandboxUrl, storefrontUrl } = servers
// A hard stop, whatever happens: the servers go with this process.
const watchdog = setTimeout(
  () => {
    console.error('load:store ran past its time bound; stopping.')
    process.exit(2)
  },
  (seconds + 600) * 1000,
)
watchdog.unref()

try {
  // Enough stock that the run measures the shop, not the warehouse (the door fires the stock webhook too).
  await sandboxRequestPatiently(sandboxUrl, 'POST', '/sandbox/catalog/stock', {
    body: { sku_code: SKU, quantity: 1_000_000 },
    json: true,
    localAddress: '127.0.0.3',
  })
  const seedStarted = Date.now()
  const customers = []
  for (let batch = 0; batch < shoppers; batch += 10) {
    const indexes = Array.from({ length: Math.min(10, shoppers - batch) }, (_, i) => batch + i)
    customers.push(...(await Promise.all(indexes.map((index) => seedCustomer(sandboxUrl, index, runId, SKU)))))
  }
  console.log(
    `seeded ${customers.length} customers with a saved Klarna source in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`,
  )

  const stats = createStats()
  const actions = new ActionDirectory(storefrontUrl)
  // The shop has been up a while: it holds its sales channel token and its catalogue.
  await fetch(`${storefrontUrl}/`).then((response) => response.text())
  await fetch(`${storefrontUrl}/products/${SKU}`).then((response) => response.text())
  const ledger = customers.map((customer) => ({ ...customer, acknowledged: [], carts: new Set(), openCart: undefined }))
  const think = () => new Promise((resolve) => setTimeout(resolve, 500 + Math.random() * 1000))

  // Every shopper signs in once, first: /oauth/token allows 30 a minute per IP, so under the limits they queue.
  const signInStarted = Date.now()
  const signedIn = await Promise.all(
    ledger.map(async (entry) => {
      const shopper = new Shopper({ storefrontUrl, actions, stats, email: entry.email, password: LOAD_PASSWORD })
      const giveUpAt = Date.now() + (seconds + 240) * 1000
      while (!(await shopper.signIn())) {
        stats.busy('sign in')
        if (Date.now() > giveUpAt) throw new Error(`${entry.email} could not sign in`)
        await new Promise((resolve) => setTimeout(resolve, 5000 + Math.random() * 10_000))
      }
      stats.signIn()
      return shopper
    }),
  )
  stats.signInPhase(Date.now() - signInStarted)

  // Counted from here: the shopping, the sign-ins' own figure is above.
  const log = pollRequestLog(sandboxUrl, await lastSeq(sandboxUrl))

  const started = Date.now()
  const until = started + seconds * 1000
  const journey = async (entry, shopper) => {
    while (Date.now() < until && log.requests() < maxRequests) {
      await shopper.page('home', '/')
      await think()
      const productHtml = await shopper.page('product page', `/products/${SKU}`)
      await think()
      const added = await shopper.callAction('add to cart', `/products/${SKU}`, 'addToCartAction', productHtml, {
        skuCode: SKU,
        quantity: '1',
      })
      if (added.result?.status !== 'success') throw new Error(`add to cart: ${JSON.stringify(added.result)}`)
      // The cart cookie is the order id, signed (`<id>.<signature>`, lib/security/signed-value.ts).
      entry.openCart = shopper.jar.get('cart')?.split('.')[0]
      entry.carts.add(entry.openCart)
      await think()
      const checkoutHtml = await shopper.page('checkout page', '/checkout')
      const sourceId = /name="sourceId" value="([A-Za-z0-9]+)"/.exec(checkoutHtml)?.[1]
      if (!sourceId) throw new Error('checkout shows no saved Klarna source')
      await think()
      const paid = await shopper.callAction('one click', '/checkout', 'payWithSavedSourceAction', checkoutHtml, {
        sourceId,
      })
      const orderId = /^\/orders\/([A-Za-z0-9]+)$/.exec(paid.redirect ?? '')?.[1]
      if (!orderId) throw new Error(`one click: ${JSON.stringify(paid.result ?? paid)}`)
      entry.acknowledged.push(orderId)
      entry.openCart = undefined
      stats.checkout()
      await shopper.page('confirmation page', paid.redirect)
      await think()
    }
  }
  await Promise.all(
    ledger.map((entry, index) =>
      journey(entry, signedIn[index]).catch((error) => {
        stats.error(error instanceof Error ? error.message : String(error))
      }),
    ),
  )
  const elapsedMs = Date.now() - started
  const requests = await log.stop()
  stats.print({ elapsedMs, requests, limits: values.limits })

  const audit = await auditBooks(sandboxUrl, ledger)
  console.log(`\naudit: ${audit.acknowledged} acknowledged orders, ${audit.discrepancies.length} discrepancies`)
  for (const line of audit.discrepancies.slice(0, 20)) console.log(`  - ${line}`)
  console.log(`errors: ${stats.errors.length}, lost carts: ${audit.lostCarts}`)
  for (const message of [...new Set(stats.errors)].slice(0, 10)) console.log(`  - ${message}`)
  process.exitCode = stats.errors.length === 0 && audit.discrepancies.length === 0 ? 0 : 1
} finally {
  servers.stop()
}

async function lastSeq(origin) {
  const answer = await fetch(`${origin}/sandbox/requests?since=${Number.MAX_SAFE_INTEGER}`)
  return (await answer.json()).last_seq
}

/** Reads the sandbox's request log as it grows (it keeps only the newest 10,000), counting every request. */
function pollRequestLog(origin, since) {
  const seen = []
  let last = since
  let stopping = false
  const poll = async () => {
    const answer = await fetch(`${origin}/sandbox/requests?since=${last}`)
    const { data, last_seq: lastSeqNow } = await answer.json()
    for (const entry of data)
      if (!entry.path.startsWith('/sandbox/') && !entry.path.startsWith('/klarna/sandbox')) seen.push(entry)
    last = lastSeqNow
  }
  const loop = (async () => {
    while (!stopping) {
      await poll()
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    await poll()
  })()
  return {
    requests: () => seen.length,
    async stop() {
      stopping = true
      await loop
      return seen
    },
  }
}

/**
 * The books, read through the sandbox's API with each customer's own token: every acknowledged order placed, once
 * (one Klarna charge for it), no placed order nobody was told of, and every cart not acknowledged still there with
 * what was put in it.
 */
async function auditBooks(origin, ledger) {
  const discrepancies = []
  let acknowledged = 0
  let lostCarts = 0
  const charges = await (await fetch(`${origin}/klarna/sandbox/orders`)).json()
  const chargesByReference = new Map()
  for (const charge of charges.data) {
    const key = charge.merchant_reference1
    chargesByReference.set(key, (chargesByReference.get(key) ?? 0) + 1)
  }
  for (const entry of ledger) {
    acknowledged += entry.acknowledged.length
    const token = await customerToken(origin, entry.localAddress, entry.email)
    const get = (path) => sandboxRequestPatiently(origin, 'GET', path, { token, localAddress: entry.localAddress })
    const placed = await get('/api/orders?filter[q][status_eq]=placed&page[size]=25&fields[orders]=number,status')
    const placedIds = new Set((placed.body.data ?? []).map((order) => order.id))
    placedIds.delete(entry.seedOrderId)
    if ((placed.body.meta?.record_count ?? 0) > 25)
      discrepancies.push(`${entry.email}: more placed orders than one page`)
    for (const orderId of entry.acknowledged) {
      const order = (placed.body.data ?? []).find((candidate) => candidate.id === orderId)
      if (!order) discrepancies.push(`${entry.email}: acknowledged order ${orderId} is not placed`)
      else if ((chargesByReference.get(String(order.attributes.number)) ?? 0) !== 1)
        discrepancies.push(
          `order ${orderId}: ${chargesByReference.get(String(order.attributes.number)) ?? 0} Klarna charges`,
        )
    }
    for (const orderId of placedIds)
      if (!entry.acknowledged.includes(orderId))
        discrepancies.push(`${entry.email}: order ${orderId} placed but never acknowledged`)
    for (const cartId of entry.carts) {
      if (entry.acknowledged.includes(cartId)) continue
      const cart = await get(`/api/orders/${cartId}?include=line_items`)
      const lines = (cart.body?.included ?? []).filter(
        (item) => item.type === 'line_items' && item.attributes.item_type === 'skus',
      )
      if (cart.status !== 200 || lines.length === 0) {
        lostCarts++
        discrepancies.push(`${entry.email}: cart ${cartId} lost (${cart.status}, ${lines.length} lines)`)
      }
    }
  }
  return { acknowledged, discrepancies, lostCarts }
}
