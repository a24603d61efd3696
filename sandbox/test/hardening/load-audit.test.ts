import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { auditBooks, stockUp, takeBaseline } from '../../load/audit'
import { runShoppers, type Ledger } from '../../load/shoppers'
import { RETURNING_CUSTOMER_KLARNA_TOKEN } from '../../src/seed-constants'
import { startTestSandbox } from '../helpers'

const directory = mkdtempSync(join(tmpdir(), 'sandbox-audit-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

/** `npm run load`'s audit is only worth its "0 discrepancies" if it sees each kind of wrong when it is there. */
describe("the load's audit of the books", () => {
  it('finds nothing after an honest run, then a double charge, an order unplaced, a lost wallet entry and stock taken twice', async () => {
    const dbPath = join(directory, 'audit.db')
    const sandbox = await startTestSandbox({ dbPath })
    try {
      stockUp(dbPath)
      const baseline = await takeBaseline(dbPath, sandbox.origin)
      // Two shoppers, a guest and a customer, until a save is acknowledged (a customer's journey has one).
      const ledger: Ledger = { customers: [], created: [], placed: [], saves: [] }
      const run = await runShoppers({
        origin: sandbox.origin,
        shoppers: 2,
        until: Date.now() + 20_000,
        maxRequests: Infinity,
        requestsSent: () => 0,
        stopped: () => ledger.saves.length > 0,
        runId: 'audit',
        ledger,
      })
      expect(run.failures).toEqual([])
      expect(run.ledger.saves.length).toBeGreaterThan(0)
      const audit = () =>
        auditBooks({ origin: sandbox.origin, dbPath, ledger: run.ledger, baseline, afterCrash: false })
      expect((await audit()).discrepancies).toEqual([])

      // Break the books as a bug would, with a connection of its own (no foreign keys, no sandbox code).
      const [charged, unplaced] = run.ledger.placed
      const save = run.ledger.saves[0]
      if (!charged || !unplaced || !save) throw new Error('the honest run was too short')
      const db = new Database(dbPath)
      try {
        db.prepare(
          `INSERT INTO klarna_orders (id, source, customer_token_id, purchase_currency, order_amount, order_tax_amount, merchant_reference1, response, request, created_at)
           VALUES ('second-charge', 'customer_token', ?, 'EUR', ?, 0, ?, '{}', '{}', 0)`,
        ).run(RETURNING_CUSTOMER_KLARNA_TOKEN, charged.totalCents, charged.number)
        db.prepare("UPDATE cl_orders SET status = 'pending' WHERE id = ?").run(unplaced.orderId)
        db.prepare('DELETE FROM cl_customer_payment_sources WHERE id = ?').run(save.walletId)
        db.prepare(
          'UPDATE cl_stock_items SET quantity = quantity - 1 WHERE rowid = (SELECT MIN(rowid) FROM cl_stock_items WHERE quantity > 0)',
        ).run()
      } finally {
        db.close()
      }
      const { discrepancies } = await audit()
      expect(discrepancies).toEqual(
        expect.arrayContaining([
          `order ${charged.number} has 2 Klarna orders, not 1`,
          `order ${unplaced.number} was acknowledged as placed and is pending`,
          `wallet entry ${save.walletId} of customer ${save.customerId} was acknowledged and is missing`,
          expect.stringMatching(/^SKU \w+: stock \d+, expected \d+$/),
        ]),
      )
    } finally {
      await sandbox.close()
    }
  })
})
