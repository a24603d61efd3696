import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { auditBooks, stockUp, takeBaseline, type Audit, type Baseline } from './audit'
import { runShoppers, type ShopperRun } from './shoppers'
import { Recorder, timeRequests } from './timing'
import { startSandboxProcess, type SandboxProcess } from '../test/helpers'

/**
 * `npm run load` without the printing: a sandbox process of its own on a fresh SQLite file in a temporary
 * folder, on a free loopback port; virtual shoppers for a bounded time and number of requests; then the audit.
 */

export type LoadOptions = { shoppers: number; seconds: number; maxRequests: number }

export type LoadResult = {
  run: ShopperRun
  recorder: Recorder
  audit: Audit
  elapsedMs: number
  loadAverage: { before: number[]; after: number[] }
}

export type LoadSandbox = { sandbox: SandboxProcess; dbPath: string; baseline: Baseline }

/** A fresh sandbox process for a load, stocked up, with what it held before; removed (folder and all) after `use`. */
export async function withLoadSandbox<T>(use: (load: LoadSandbox) => Promise<T>): Promise<T> {
  const directory = mkdtempSync(join(tmpdir(), 'sandbox-load-'))
  const dbPath = join(directory, 'sandbox.db')
  const sandbox = await startSandboxProcess(dbPath)
  try {
    stockUp(dbPath)
    return await use({ sandbox, dbPath, baseline: await takeBaseline(dbPath, sandbox.origin) })
  } finally {
    await sandbox.kill()
    rmSync(directory, { recursive: true, force: true })
  }
}

export const runId = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  return withLoadSandbox(async ({ sandbox, dbPath, baseline }) => {
    const before = loadavg()
    const recorder = new Recorder()
    const restore = timeRequests(recorder)
    const started = performance.now()
    let run: ShopperRun
    try {
      run = await runShoppers({
        origin: sandbox.origin,
        shoppers: options.shoppers,
        until: Date.now() + options.seconds * 1000,
        maxRequests: options.maxRequests,
        requestsSent: () => recorder.requests,
        runId: runId(),
      })
    } finally {
      restore()
    }
    const elapsedMs = performance.now() - started
    const audit = await auditBooks({ origin: sandbox.origin, dbPath, ledger: run.ledger, baseline, afterCrash: false })
    await sandbox.stop()
    return { run, recorder, audit, elapsedMs, loadAverage: { before, after: loadavg() } }
  })
}
