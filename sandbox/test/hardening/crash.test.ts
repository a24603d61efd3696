import { describe, expect, it } from 'vitest'
import { runCrash } from '../../load/crash'

/**
 * The sandbox killed with SIGKILL under load (a process of its own, on a SQLite file) and started again on the
 * same file: everything a shopper was told had happened has happened. The load is `npm run load`'s shoppers;
 * `npm run load -- --crash` runs the same scenario and prints it.
 */
describe('a SIGKILL in the middle of a load', () => {
  it('loses nothing acknowledged before it: every placed order, every wallet entry, a sound database', async () => {
    const result = await runCrash({ shoppers: 16, killAfterSeconds: 3 })
    const { ledger } = result.run
    console.log(
      `crash test: killed with ${result.inFlightAtKill} requests under way after ${result.recorder.requests} requests; ` +
        `${ledger.placed.length} placed orders, ${ledger.saves.length} wallet entries, ${ledger.created.length} orders acknowledged before it; ` +
        `restarted in ${result.restartMs.toFixed(0)} ms; integrity_check ${result.audit.figures.integrity}; ${result.audit.inDoubt.length} in doubt`,
    )
    // The kill came mid-load, after orders were placed and a source saved.
    expect(result.inFlightAtKill).toBeGreaterThan(0)
    expect(ledger.placed.length).toBeGreaterThan(0)
    expect(ledger.saves.length).toBeGreaterThan(0)
    expect(result.run.failures).toEqual([])
    // Afterwards: all of it in the database and served by the new process, each order charged once.
    expect(result.audit.figures.integrity).toBe('ok')
    expect(result.audit.discrepancies).toEqual([])
    expect(result.served.failures).toEqual([])
  }, 30_000)
})
