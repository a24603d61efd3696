import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { auditBooks, stockUp, takeBaseline, type Audit } from './audit'
import { runId } from './load'
import { runShoppers, type Ledger, type ShopperRun } from './shoppers'
import { Recorder, timeRequests } from './timing'
import { api } from '../test/commerce-layer/api-helpers'
import { startSandboxProcess } from '../test/helpers'

/**
 * The crash test (`npm run load -- --crash`, and sandbox/test/hardening/crash.test.ts): shoppers load a sandbox
 * process on a SQLite file; mid-load it is killed with SIGKILL and started again on the same file. Then every
 * order and wallet entry acknowledged (2xx) before the kill must be there, served by the new process, and
 * SQLite's integrity check must say ok.
 */

/**
 * The kill comes `killAfterSeconds` into the load, or later, once at least one wallet save has been acknowledged
 * (so there is a wallet entry to look for afterwards), but never more than 20 s in.
 */
export type CrashOptions = { shoppers: number; killAfterSeconds: number }

export type CrashResult = {
  run: ShopperRun
  recorder: Recorder
  /** Requests under way when the kill came: proof it came mid-load. */
  inFlightAtKill: number
  restartMs: number
  audit: Audit
  /** What the restarted sandbox answered for the acknowledged orders and wallet entries. */
  served: { orders: number; wallets: number; failures: string[] }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function runCrash(options: CrashOptions): Promise<CrashResult> {
  const directory = mkdtempSync(join(tmpdir(), 'sandbox-crash-'))
  const dbPath = join(directory, 'sandbox.db')
  try {
    const first = await startSandboxProcess(dbPath)
    stockUp(dbPath)
    const baseline = await takeBaseline(dbPath, first.origin)

    const recorder = new Recorder()
    const restore = timeRequests(recorder)
    let stopped = false
    let run: ShopperRun
    let inFlightAtKill: number
    const ledger: Ledger = { customers: [], created: [], placed: [], saves: [] }
    try {
      const shoppers = runShoppers({
        origin: first.origin,
        shoppers: options.shoppers,
        until: Number.POSITIVE_INFINITY,
        maxRequests: Number.POSITIVE_INFINITY,
        requestsSent: () => recorder.requests,
        stopped: () => stopped,
        runId: runId(),
        ledger,
      })
      const started = Date.now()
      await sleep(options.killAfterSeconds * 1000)
      while (ledger.saves.length === 0 && Date.now() - started < 20_000) await sleep(100)
      inFlightAtKill = recorder.inFlight
      stopped = true
      await first.kill()
      run = await shoppers
    } finally {
      restore()
    }

    const restarting = performance.now()
    const second = await startSandboxProcess(dbPath)
    const restartMs = performance.now() - restarting
    try {
      const audit = await auditBooks({ origin: second.origin, dbPath, ledger: run.ledger, baseline, afterCrash: true })
      const served = await readBack(second.origin, run.ledger)
      return { run, recorder, inFlightAtKill, restartMs, audit, served }
    } finally {
      await second.stop()
    }
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}

/** Every acknowledged placed order and wallet entry, asked of the restarted sandbox with its shopper's token. */
async function readBack(origin: string, ledger: Ledger): Promise<CrashResult['served']> {
  const failures: string[] = []
  for (const order of ledger.placed) {
    const answer = await api(origin, order.token, 'GET', `orders/${order.orderId}`)
    if (answer.status !== 200 || answer.body.data.attributes.status !== 'placed') {
      failures.push(
        `order ${order.number}: ${answer.status} ${String(answer.body.data?.attributes?.status ?? JSON.stringify(answer.body.errors))}`,
      )
    }
  }
  for (const save of ledger.saves) {
    const answer = await api(origin, save.token, 'GET', 'customer_payment_sources')
    if (answer.status !== 200 || !answer.body.data.some((entry) => entry.id === save.walletId)) {
      failures.push(`wallet entry ${save.walletId}: ${answer.status}, not in the customer's wallet`)
    }
  }
  return { orders: ledger.placed.length, wallets: ledger.saves.length, failures }
}
