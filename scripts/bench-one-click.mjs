// `npm run bench:one-click`: a returning customer's one click, on the production build with the sandbox, two ways:
// checkout's saved-source button, and Buy now on a product page. 20 runs each (after one warm-up). In the same
// runs it times the floor: a client-side navigation, from the same page, to the same kind of confirmation page
// (what showing that page costs anyway). Prints click → confirmation medians, the ratio to the floor, and each
// Commerce Layer request behind the click, named (from the sandbox's request log). Targets (printed, never
// asserted): checkout median ≤ 1.1× the floor and ≤ 2 requests; Buy now median ≤ 1.5× the floor.
// It measures; it does not fail a build (exit 1 only when a run could not complete).
// BENCH_PORT / BENCH_SANDBOX_PORT choose the ports (default 3220 / 3221).
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { findChromium, playwrightChromiumArgs } from './chromium.cjs'
import { startServers } from './lib/servers.mjs'

const RUNS = Number(process.env.RUNS ?? 20)
const root = new URL('..', import.meta.url).pathname

const build = spawnSync(process.execPath, [join(root, 'scripts/build-if-needed.mjs')], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

const servers = await startServers({
  storefrontPort: Number(process.env.BENCH_PORT ?? 3220),
  sandboxPort: Number(process.env.BENCH_SANDBOX_PORT ?? 3221),
})
const browser = await chromium.launch({ executablePath: findChromium(), args: playwrightChromiumArgs })
const page = await (await browser.newContext()).newPage()
const shop = (path) => servers.storefrontUrl + path
const confirmation = () => page.getByRole('heading', { name: 'Thank you for your order!' })

async function lastSeq() {
  return (await (await fetch(`${servers.sandboxUrl}/sandbox/requests?since=${Number.MAX_SAFE_INTEGER}`)).json())
    .last_seq
}

/** What a request behind the click is for, in the words of lib/commerce-layer. */
function nameOf(entry) {
  const body = entry.body ?? ''
  const route = `${entry.method} ${entry.path.replace(/\/[A-Za-z0-9]{10}(?=\/|$)/g, '/:id')}`
  if (route === 'GET /api/customers/:id') return `${route} (include address book, wallet): who may pay, and how`
  if (route === 'GET /api/orders/:id') return `${route}: the order, as its receipt shows it`
  if (route === 'POST /api/orders') return `${route}: the new order`
  if (route === 'POST /api/line_items') return `${route}: the product and quantity`
  if (route === 'PATCH /api/shipments/:id') return `${route}: the default shipping method`
  if (body.includes('_billing_address_clone_id')) return `${route} {_billing/_shipping_address_clone_id}: saved address`
  const triggers = ['_customer_payment_source_id', '_place'].filter((key) => body.includes(key))
  return triggers.length ? `${route} {${triggers.join(', ')}}` : route
}

async function commerceLayerRequestsSince(since) {
  const log = (await (await fetch(`${servers.sandboxUrl}/sandbox/requests?since=${since}`)).json()).data
  return log.filter((entry) => entry.path.startsWith('/api/') || entry.path.startsWith('/oauth/'))
}

/**
 * Commerce Layer requests (not the sandbox's own doors, nor Klarna's) from `since` until the confirmation showed:
 * the click's own and its confirmation's. The log is read as soon as the confirmation shows, before the new page's
 * link prefetches start.
 */
async function requestsBehindClick(since) {
  const commerceLayer = await commerceLayerRequestsSince(since)
  if (!commerceLayer.some((entry) => entry.method === 'PATCH' && entry.body?.includes('"_place"')))
    throw new Error('the _place PATCH was not in the request log')
  return commerceLayer
}

async function settle() {
  // The header's cart count loads after the page; once it has, the log holds only what the click causes.
  await page.waitForLoadState('networkidle')
}

/**
 * A stopwatch in the page itself, so that Playwright's own round trips count on neither side: it starts at the
 * shopper's click (the click event's time) or at the navigation's start, and stops at the first frame after the
 * confirmation's heading is in the page. Both sides run the same observer.
 */
async function armStopwatch() {
  await page.evaluate(() => {
    const stopwatch = { started: null, shown: null }
    window.__stopwatch = stopwatch
    document.addEventListener('click', (event) => (stopwatch.started ??= event.timeStamp), {
      capture: true,
      once: true,
    })
    const shown = () => [...document.querySelectorAll('h1')].some((h) => h.textContent === 'Thank you for your order!')
    const observer = new MutationObserver(() => {
      if (!shown()) return
      observer.disconnect()
      requestAnimationFrame(() => (stopwatch.shown = performance.now()))
    })
    observer.observe(document.body, { childList: true, subtree: true })
  })
}

async function readStopwatch() {
  await confirmation().waitFor()
  const handle = await page.waitForFunction(() => window.__stopwatch?.shown != null && window.__stopwatch)
  const { started, shown } = await handle.jsonValue()
  return shown - started
}

/** The floor: from the page we are on, Next's client-side navigation to a confirmation page, until it shows. */
async function timeFloor(orderUrl) {
  await armStopwatch()
  const since = await lastSeq()
  await page.evaluate((url) => {
    window.__stopwatch.started = performance.now()
    window.next.router.push(url)
  }, new URL(orderUrl).pathname)
  const elapsed = await readStopwatch()
  return { elapsed, behind: await commerceLayerRequestsSince(since) }
}

async function timeClick(button) {
  await armStopwatch()
  const since = await lastSeq()
  await button.click()
  const elapsed = await readStopwatch()
  return { elapsed, behind: await requestsBehindClick(since), orderUrl: page.url() }
}

async function openCheckoutWithCart() {
  await page.goto(shop('/products/MUG-STONE-350'))
  await page.getByRole('button', { name: 'Add to cart' }).click()
  await page.getByText('Added to your cart.').waitFor()
  await page.goto(shop('/checkout'))
  const button = page.getByRole('button', { name: /^Pay with Klarna · / })
  await button.waitFor()
  await settle()
  return button
}

async function openProductWithBuyNow() {
  await page.goto(shop('/products/TOWEL-LINEN-SAGE'))
  const button = page.getByRole('button', { name: /^Buy now · / })
  await button.waitFor()
  await settle()
  return button
}

/** One way of paying, RUNS times: the floor from the starting page, then the click from a fresh one. */
async function measure(open) {
  const result = { clicks: [], floors: [], requests: [], floorRequests: [] }
  let lastOrderUrl = null
  for (let run = 0; run <= RUNS; run++) {
    if (lastOrderUrl) {
      await open()
      const floor = await timeFloor(lastOrderUrl)
      if (run > 1) {
        result.floors.push(floor.elapsed)
        result.floorRequests.push(floor.behind)
      }
    }
    const { elapsed, behind, orderUrl } = await timeClick(await open())
    lastOrderUrl = orderUrl
    if (run === 0) continue // warm-up: fills the caches of each route
    result.clicks.push(elapsed)
    result.requests.push(behind)
  }
  return result
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length / 2
  return sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** Each request's median time in the sandbox, by position (every run sends the same requests in the same order). */
function serverTimes(runs) {
  return (runs[0] ?? []).map((entry, index) => ({
    name: nameOf(entry),
    ms: median(runs.map((requests) => requests[index]?.ms ?? 0)),
  }))
}

function report(title, { clicks, floors, requests, floorRequests }, target) {
  const [click, floor] = [median(clicks), median(floors)]
  const counts = [...new Set(requests.map((names) => names.length))]
  console.log(`\n${title}, ${clicks.length} runs (click → confirmation visible), production build + sandbox:`)
  console.log(
    `  median ${click.toFixed(0)} ms (min ${Math.min(...clicks).toFixed(0)}, max ${Math.max(...clicks).toFixed(0)})`,
  )
  console.log(
    `  floor, client-side navigation to a confirmation: median ${floor.toFixed(0)} ms (${floors.length} runs)`,
  )
  console.log(
    `  ratio ${(click / floor).toFixed(2)}× the floor; target ≤ ${target.ratio}× (${click / floor <= target.ratio ? 'met' : 'not met'})`,
  )
  console.log(
    `  Commerce Layer requests from the click to the confirmation shown: ${counts.join(' / ')}${target.requests ? ` (target ≤ ${target.requests})` : ''}`,
  )
  serverTimes(requests).forEach(({ name, ms }, index) =>
    console.log(`    ${index + 1}. ${name}, median ${ms.toFixed(1)} ms in the sandbox`),
  )
  console.log('  Commerce Layer requests behind the floor (the same confirmation, navigated to):')
  serverTimes(floorRequests).forEach(({ name, ms }, index) =>
    console.log(`    ${index + 1}. ${name}, median ${ms.toFixed(1)} ms in the sandbox`),
  )
}

let failed = false
try {
  await page.goto(shop('/signin'))
  await page.getByLabel('Email').fill('returning@example.com')
  await page.getByLabel('Password').fill('demo1234')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('button', { name: 'Sign out' }).waitFor()

  report("Checkout's one click", await measure(openCheckoutWithCart), { ratio: 1.1, requests: 2 })
  report('Buy now on a product page', await measure(openProductWithBuyNow), { ratio: 1.5 })
} catch (error) {
  console.error(error)
  failed = true
} finally {
  await browser.close()
  servers.stop()
}
process.exit(failed ? 1 : 0)
