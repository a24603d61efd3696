// `npm run perf`: Lighthouse 12 (mobile preset) on the production build with the sandbox, plus the first-load
// JavaScript of each page, gzipped. Prints its figures and how they compare with the budgets in DESIGN.md;
// it measures, it does not fail a build (exit 1 only when a page could not be measured).
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from '@playwright/test'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { chromiumArgs, findChromium, playwrightChromiumArgs } from './chromium.cjs'
import { startServers } from './lib/servers.mjs'

const root = new URL('..', import.meta.url).pathname
const distDir = process.env.NEXT_DIST_DIR || '.next'

// DESIGN.md's JavaScript budgets are for home and checkout (Klarna's library, loaded on demand, not counted). Home's
// is 1.05× a bare Next.js page with one Link, measured the same way: 135.3 kB with Next 16.4 and React 19.
const BARE_NEXT_PAGE_KB = 135.3
const PAGES = [
  { name: 'home', path: '/', jsBudgetKb: Math.round(BARE_NEXT_PAGE_KB * 1.05 * 10) / 10 },
  { name: 'product', path: '/products/MUG-STONE-350', jsBudgetKb: null },
  { name: 'checkout', path: '/checkout', jsBudgetKb: 157, withCart: true, mustShow: 'Stoneware Mug' },
]
const SCORE_BUDGET = 95

/**
 * A guest cart with one mug, put in by the shop itself (its product page's "Add to cart", in a browser), so the
 * cookies are the ones the shop signs (lib/security/signed-value.ts): checkout is measured with a cart in it.
 */
async function guestCartCookie(storefrontUrl) {
  const browser = await chromium.launch({ executablePath: findChromium(), args: playwrightChromiumArgs })
  try {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${storefrontUrl}/products/MUG-STONE-350`)
    await page.getByRole('button', { name: 'Add to cart' }).click()
    await page.getByText('Added to your cart.').waitFor()
    return (await context.cookies()).map(({ name, value }) => `${name}=${value}`).join('; ')
  } finally {
    await browser.close()
  }
}

/** The scripts a page's HTML loads from /_next/static, gzipped and summed, in kB. */
async function firstLoadJsKb(url, cookie) {
  const html = await (await fetch(url, { headers: cookie ? { Cookie: cookie } : {} })).text()
  // Scripts marked noModule (Next's polyfills for old browsers) are never fetched by a current browser.
  const tags = [...html.matchAll(/<script[^>]*>/g)].map((match) => match[0]).filter((tag) => !/\bnoModule\b/i.test(tag))
  const sources = new Set(tags.flatMap((tag) => /src="([^"]+\.js)"/.exec(tag)?.[1] ?? []))
  let total = 0
  for (const source of sources) {
    if (!source.startsWith('/_next/static/')) continue
    const file = join(root, distDir, 'static', decodeURIComponent(source.slice('/_next/static/'.length)))
    total += gzipSync(readFileSync(file)).length
  }
  return total / 1024
}

const build = spawnSync(process.execPath, [join(root, 'scripts/build-if-needed.mjs')], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

const chromePath = findChromium()
if (!chromePath) {
  console.error("No Chromium found: set CHROMIUM_PATH or install Debian's chromium.")
  process.exit(1)
}

// BENCH_PORT / BENCH_SANDBOX_PORT choose the ports, as for bench:one-click (default 3200 / 3201).
const servers = await startServers({
  storefrontPort: Number(process.env.BENCH_PORT ?? 3200),
  sandboxPort: Number(process.env.BENCH_SANDBOX_PORT ?? 3201),
})
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', ...chromiumArgs] })
const rows = []
let failed = false
try {
  for (const page of PAGES) {
    const url = servers.storefrontUrl + page.path
    const cookie = page.withCart ? await guestCartCookie(servers.storefrontUrl) : undefined
    // Warms the server's caches, as a visitor finds them, and checks the page is the one meant (checkout with its cart).
    const warm = await (await fetch(url, { headers: cookie ? { Cookie: cookie } : {} })).text()
    if (page.mustShow && !warm.includes(page.mustShow)) throw new Error(`${page.path} does not show "${page.mustShow}"`)
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
    })
    if (!result) {
      failed = true
      continue
    }
    const { categories, audits } = result.lhr
    rows.push({
      page: page.name,
      performance: Math.round((categories.performance.score ?? 0) * 100),
      accessibility: Math.round((categories.accessibility.score ?? 0) * 100),
      lcpMs: Math.round(audits['largest-contentful-paint'].numericValue ?? 0),
      tbtMs: Math.round(audits['total-blocking-time'].numericValue ?? 0),
      cls: Number((audits['cumulative-layout-shift'].numericValue ?? 0).toFixed(3)),
      firstLoadJsKb: Number((await firstLoadJsKb(url, cookie)).toFixed(1)),
      jsBudgetKb: page.jsBudgetKb,
    })
  }
} finally {
  await chrome.kill()
  servers.stop()
}

console.log('\nLighthouse 12 (mobile preset), production build, sandbox:')
console.table(rows)
for (const row of rows) {
  const verdicts = [
    `performance ${row.performance} ${row.performance >= SCORE_BUDGET ? '≥' : '<'} ${SCORE_BUDGET}`,
    `accessibility ${row.accessibility} ${row.accessibility >= SCORE_BUDGET ? '≥' : '<'} ${SCORE_BUDGET}`,
    row.jsBudgetKb === null
      ? `first-load JS ${row.firstLoadJsKb} kB`
      : `first-load JS ${row.firstLoadJsKb} kB ${row.firstLoadJsKb <= row.jsBudgetKb ? '≤' : '>'} ${row.jsBudgetKb} kB`,
  ]
  console.log(`${row.page}: ${verdicts.join(', ')}`)
}
process.exit(failed ? 1 : 0)
