import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { runCrash } from './crash'
import { runLoad } from './load'
import { percentile, type Recorder } from './timing'
import type { Audit } from './audit'
import type { ShopperRun } from './shoppers'

/**
 * `npm run load`: 50 virtual shoppers run the full API checkout against a sandbox of their own for 60 s, then
 * the books are audited. Prints throughput, latency per request type, errors and discrepancies; exits 1 when
 * either is not 0. Loopback only; bounded in time (`--seconds`, LOAD_SECONDS) and requests (`--max-requests`);
 * stops by itself. `--crash`: the crash test instead (SIGKILL mid-load, restart, check what was acknowledged).
 */

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: process.env.LOAD_SECONDS ?? '60' },
    shoppers: { type: 'string', default: process.env.LOAD_SHOPPERS ?? '50' },
    'max-requests': { type: 'string', default: process.env.LOAD_MAX_REQUESTS ?? '1000000' },
    crash: { type: 'boolean', default: false },
    'kill-after': { type: 'string', default: '5' },
  },
})

function positive(name: string, value: string | undefined): number {
  const number = Number(value)
  if (!Number.isFinite(number) || number <= 0) {
    console.error(`--${name} must be a positive number, not "${value}".`)
    process.exit(2)
  }
  return number
}

const seconds = positive('seconds', values.seconds)
const shoppers = Math.round(positive('shoppers', values.shoppers))
const maxRequests = Math.round(positive('max-requests', values['max-requests']))
const killAfter = positive('kill-after', values['kill-after'])

const ms = (value: number) => `${value.toFixed(1)} ms`
const pad = (text: string | number, width: number) => String(text).padStart(width)
const loadAverage = (values: number[]) => values.map((value) => value.toFixed(2)).join(' ')

function printLatency(recorder: Recorder): void {
  const all = [...recorder.byType.values()].flatMap((stats) => stats.ms).sort((a, b) => a - b)
  console.log(
    `\n${'request type'.padEnd(46)}${pad('count', 7)}${pad('p50', 11)}${pad('p95', 11)}${pad('p99', 11)}${pad('failed', 8)}`,
  )
  const row = (name: string, sorted: number[], failed: number) =>
    console.log(
      `${name.padEnd(46)}${pad(sorted.length, 7)}${pad(ms(percentile(sorted, 0.5)), 11)}${pad(ms(percentile(sorted, 0.95)), 11)}${pad(ms(percentile(sorted, 0.99)), 11)}${pad(failed, 8)}`,
    )
  for (const [type, stats] of recorder.byType)
    row(
      type,
      [...stats.ms].sort((a, b) => a - b),
      stats.failed,
    )
  row(
    'all requests',
    all,
    [...recorder.byType.values()].reduce((sum, stats) => sum + stats.failed, 0),
  )
}

function printFailures(run: ShopperRun): void {
  if (run.failures.length === 0) return
  const byMessage = new Map<string, number>()
  for (const failure of run.failures) {
    const key = `${failure.journey}: ${failure.message.slice(0, 300)}`
    byMessage.set(key, (byMessage.get(key) ?? 0) + 1)
  }
  console.log('\nFailed journeys (first kinds):')
  for (const [message, count] of [...byMessage].slice(0, 8)) console.log(`  ${count} × ${message}`)
}

function printAudit(audit: Audit): void {
  const { figures } = audit
  console.log('\nThe books (the database, and GET /klarna/sandbox/orders):')
  console.log(
    `  orders acknowledged as placed   ${pad(figures.placed, 6)}   each placed once, one Klarna order for its total`,
  )
  console.log(`  Klarna orders                   ${pad(figures.klarnaOrders, 6)}   each for a placed order`)
  console.log(
    `  wallet saves acknowledged       ${pad(figures.saves, 6)}   one wallet entry each, its customer token active`,
  )
  console.log(`  orders created, customers       ${pad(figures.created, 6)} ${pad(figures.customers, 6)}   all there`)
  console.log(`  stock of ${figures.skus} SKUs                         taken once per placed line`)
  console.log(`  PRAGMA integrity_check          ${pad(figures.integrity, 6)}`)
  for (const discrepancy of audit.discrepancies.slice(0, 20)) console.log(`  DISCREPANCY ${discrepancy}`)
  if (audit.discrepancies.length > 20) console.log(`  … and ${audit.discrepancies.length - 20} more`)
}

async function load(): Promise<number> {
  console.log(
    `npm run load: ${shoppers} shoppers (${Math.ceil(shoppers / 2)} guests, ${Math.floor(shoppers / 2)} customers) for ${seconds} s, at most ${maxRequests} requests; load average ${loadAverage(loadavg())}`,
  )
  const result = await runLoad({ shoppers, seconds, maxRequests })
  const { run, recorder, audit } = result
  const elapsed = result.elapsedMs / 1000
  const placed = run.ledger.placed.length
  printLatency(recorder)
  console.log(
    `\n${placed} checkouts placed in ${elapsed.toFixed(1)} s: ${(placed / elapsed).toFixed(1)} checkouts/s, ${recorder.requests} requests, ${(recorder.requests / elapsed).toFixed(0)} requests/s`,
  )
  console.log(
    `  ${run.journeys.guest} guest checkouts; ${run.journeys.customer} customers signed up, bought with Klarna, saved it, bought again with it`,
  )
  if (recorder.requests >= maxRequests) console.log(`  stopped at the request bound (${maxRequests})`)
  if (recorder.networkFailures > 0) console.log(`  ${recorder.networkFailures} requests got no answer`)
  console.log(
    `  load average ${loadAverage(result.loadAverage.before)} before, ${loadAverage(result.loadAverage.after)} after (2 cores)`,
  )
  printFailures(run)
  printAudit(audit)
  const errors = run.failures.length
  console.log(`\nerrors: ${errors}, discrepancies: ${audit.discrepancies.length}`)
  return errors > 0 || audit.discrepancies.length > 0 ? 1 : 0
}

async function crash(): Promise<number> {
  console.log(
    `npm run load -- --crash: ${shoppers} shoppers, SIGKILL after ${killAfter} s, restart on the same file; load average ${loadAverage(loadavg())}`,
  )
  const result = await runCrash({ shoppers, killAfterSeconds: killAfter })
  const { run, audit, served } = result
  const { recorder } = result
  console.log(
    `\nKilled with ${result.inFlightAtKill} requests under way, after ${recorder.requests} requests; ${recorder.networkFailures} got no answer, ${run.interrupted} journeys cut off; restarted in ${ms(result.restartMs)}`,
  )
  printAudit(audit)
  console.log(`  read back through the API        ${pad(served.orders, 6)} placed orders, ${served.wallets} wallets`)
  for (const failure of served.failures.slice(0, 20)) console.log(`  DISCREPANCY ${failure}`)
  for (const doubt of audit.inDoubt.slice(0, 10))
    console.log(`  in doubt (the kill came between the charge and its answer): ${doubt}`)
  printFailures(run)
  const errors = run.failures.length
  const discrepancies = audit.discrepancies.length + served.failures.length
  console.log(`\nerrors: ${errors}, discrepancies: ${discrepancies}`)
  return errors > 0 || discrepancies > 0 ? 1 : 0
}

// A run that does not stop by itself is a failure too: the watchdog ends it.
const watchdog = setTimeout(
  () => {
    console.error('npm run load did not finish in time; giving up.')
    process.exit(1)
  },
  ((values.crash ? killAfter : seconds) + 180) * 1000,
)
watchdog.unref()

;(values.crash ? crash() : load()).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
