import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { RETURNING_CUSTOMER_EMAIL } from '../src/seed-constants'
import { customerToken, expectStatus, guestToken } from '../test/commerce-layer/api-helpers'
import { addLineItem, createOrder, loadCatalogue, patchOrder, readyOrder } from '../test/commerce-layer/checkout'
import { startSandboxProcess } from '../test/helpers'

/**
 * `npm run bench:sandbox`: the Commerce Layer stand-in under load, in figures (not a test: it prints).
 * 1. `GET /api/orders/:id?include=line_items,available_customer_payment_sources` with a customer token at
 *    32 connections for 10 s: requests per second, p50 and p99 latency.
 * 2. A full API checkout, new order to placed (11 requests, Klarna included), one after another: the median.
 * Targets on a 2-core machine: ≥ 1,500 requests/s, p99 ≤ 40 ms, checkout ≤ 50 ms.
 */

const TARGETS = { requestsPerSecond: 1500, p99Ms: 40, checkoutMs: 50 }
const CONNECTIONS = 32
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const CHECKOUTS = 40

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target')

async function main() {
  const directory = mkdtempSync(join(tmpdir(), 'sandbox-bench-'))
  const server = await startSandboxProcess(join(directory, 'bench.db'))
  try {
    const { origin } = server
    const customer = await customerToken(origin, RETURNING_CUSTOMER_EMAIL)
    const order = await createOrder(origin, customer)
    expectStatus(await addLineItem(origin, customer, order.id, 'MUG-STONE-350', 2), 201)
    expectStatus(await addLineItem(origin, customer, order.id, 'CANDLE-FIG-200', 1), 201)

    const path = `/api/orders/${order.id}?include=line_items,available_customer_payment_sources`
    const headers = { Accept: 'application/vnd.api+json', Authorization: `Bearer ${customer}` }
    await autocannon({ url: origin + path, connections: CONNECTIONS, duration: 2, headers })
    const load = await autocannon({ url: origin + path, connections: CONNECTIONS, duration: DURATION_SECONDS, headers })

    const guest = await guestToken(origin)
    const catalogue = await loadCatalogue(origin, guest)
    const checkout = async () => {
      const started = performance.now()
      const { orderId } = await readyOrder(origin, guest, catalogue, [['TOWEL-LINEN-SAGE', 1]])
      expectStatus(await patchOrder(origin, guest, orderId, { attributes: { _place: true } }), 200)
      return performance.now() - started
    }
    for (let i = 0; i < 5; i++) await checkout()
    const timings: number[] = []
    for (let i = 0; i < CHECKOUTS; i++) timings.push(await checkout())

    const rps = load.requests.average
    const checkoutMedian = median(timings)
    console.log(`\nGET ${path.replace(order.id, ':id')}`)
    console.log(
      `  ${CONNECTIONS} connections, ${load.duration} s, ${load.requests.total} requests, ${load.non2xx} non-2xx, ${load.errors} errors`,
    )
    console.log(
      `  requests/s  ${rps.toFixed(0).padStart(7)}   ${verdict(rps >= TARGETS.requestsPerSecond)} (≥ ${TARGETS.requestsPerSecond})`,
    )
    console.log(`  p50         ${load.latency.p50.toFixed(1).padStart(7)} ms`)
    console.log(
      `  p99         ${load.latency.p99.toFixed(1).padStart(7)} ms   ${verdict(load.latency.p99 <= TARGETS.p99Ms)} (≤ ${TARGETS.p99Ms} ms)`,
    )
    console.log(`\nFull API checkout, new order → placed (11 requests incl. Klarna), ${CHECKOUTS} runs`)
    console.log(
      `  median      ${checkoutMedian.toFixed(1).padStart(7)} ms   ${verdict(checkoutMedian <= TARGETS.checkoutMs)} (≤ ${TARGETS.checkoutMs} ms)`,
    )
    console.log(`  fastest ${Math.min(...timings).toFixed(1)} ms, slowest ${Math.max(...timings).toFixed(1)} ms\n`)
  } finally {
    await server.stop()
    rmSync(directory, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
