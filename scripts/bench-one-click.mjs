// `npm run bench:one-click`: a returning customer's one-click checkout on the production build with the sandbox.
// 20 runs (after one warm-up) of: open /checkout with a cart, click the saved Klarna source, wait for the
// confirmation. Prints the click → confirmation times, and each Commerce Layer request the click's server action
// made up to placing (from the sandbox's request log: the association PATCH, then the placing PATCH), against
// DESIGN.md's budget: median ≤ 600 ms, ≤ 2 requests. BENCH_PORT / BENCH_SANDBOX_PORT choose the ports.
// It measures; it does not fail a build (exit 1 only when a run could not complete).
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { chromiumArgs, findChromium } from './chromium.cjs'
import { startServers } from './lib/servers.mjs'

const RUNS = Number(process.env.RUNS ?? 20)
const root = new URL('..', import.meta.url).pathname

const build = spawnSync(process.execPath, [join(root, 'scripts/build-if-needed.mjs')], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

const servers = await startServers({
  storefrontPort: Number(process.env.BENCH_PORT ?? 3220),
  sandboxPort: Number(process.env.BENCH_SANDBOX_PORT ?? 3221),
})
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs })
const page = await (await browser.newContext()).newPage()
const shop = (path) => servers.storefrontUrl + path

async function lastSeq() {
  return (await (await fetch(`${servers.sandboxUrl}/sandbox/requests?since=${Number.MAX_SAFE_INTEGER}`)).json())
    .last_seq
}

/** Commerce Layer requests (not the sandbox's own doors, nor Klarna's) from `since` to the placing PATCH, inclusive. */
async function requestsBehindClick(since) {
  const log = (await (await fetch(`${servers.sandboxUrl}/sandbox/requests?since=${since}`)).json()).data
  const commerceLayer = log.filter((entry) => entry.path.startsWith('/api/') || entry.path.startsWith('/oauth/'))
  const placing = commerceLayer.findIndex((entry) => entry.method === 'PATCH' && entry.body?.includes('"_place"'))
  if (placing < 0) throw new Error('the placing PATCH was not in the request log')
  return commerceLayer.slice(0, placing + 1)
}

/** One request as the log shows it: method, path, and the attributes its body sets. */
function describeRequest(entry) {
  let attributes = ''
  try {
    attributes = ` ${JSON.stringify(JSON.parse(entry.body).data.attributes)}`
  } catch {
    // no JSON:API body (a read)
  }
  const include = new URLSearchParams(entry.query ?? '').get('include')
  return `${entry.method} ${entry.path}${include ? `?include=${include}` : ''}${attributes} → ${entry.status}`
}

const timings = []
const requestCounts = []
let failed = false
try {
  await page.goto(shop('/signin'))
  await page.getByLabel('Email').fill('returning@example.com')
  await page.getByLabel('Password').fill('demo1234')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('button', { name: 'Sign out' }).waitFor()

  for (let run = 0; run <= RUNS; run++) {
    await page.goto(shop('/products/MUG-STONE-350'))
    await page.getByRole('button', { name: 'Add to cart' }).click()
    await page.getByText('Added to your cart.').waitFor()
    await page.goto(shop('/checkout'))
    const button = page.getByRole('button', { name: /^Pay with Klarna · / })
    await button.waitFor()
    // Once the page has finished loading, the log holds only what the click causes.
    await page.waitForLoadState('networkidle')
    const since = await lastSeq()

    const started = performance.now()
    await button.click()
    await page.getByRole('heading', { name: 'Thank you for your order!' }).waitFor()
    const elapsed = performance.now() - started

    const behind = await requestsBehindClick(since)
    if (run === 0) continue // warm-up: the first request of each route compiles nothing, but fills caches
    timings.push(elapsed)
    requestCounts.push(behind.length)
    if (run === 1 || behind.length > 2) {
      if (run !== 1) console.log(`Run ${run}:`)
      console.log(`Commerce Layer requests behind the click, up to placing (${behind.length} in all):`)
      behind.forEach((entry, index) => console.log(`  ${index + 1}. ${describeRequest(entry)}`))
    }
  }
} catch (error) {
  console.error(error)
  failed = true
} finally {
  await browser.close()
  servers.stop()
}

const sorted = [...timings].sort((a, b) => a - b)
const at = (fraction) => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? NaN
const median =
  sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2
const maxRequests = Math.max(...requestCounts)
console.log(`\nOne-click checkout, ${timings.length} runs (click → confirmation visible), production build + sandbox:`)
console.log(
  `  median ${median.toFixed(0)} ms, p90 ${at(0.9).toFixed(0)} ms, min ${sorted[0]?.toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms`,
)
console.log(
  `  Commerce Layer requests behind the click: max ${maxRequests}, all runs: ${[...new Set(requestCounts)].join(', ')}`,
)
console.log(`  budget: median ${median <= 600 ? '≤' : '>'} 600 ms, requests ${maxRequests <= 2 ? '≤' : '>'} 2`)
process.exit(failed ? 1 : 0)
