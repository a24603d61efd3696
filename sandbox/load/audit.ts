import Database from 'better-sqlite3'
import type { Ledger } from './shoppers'

/**
 * The books after a load: what the shoppers were told (the ledger) against what the sandbox holds (its
 * database) and what Klarna charged (`GET /klarna/sandbox/orders`). Every placed order placed once and charged
 * once for its total, no charge without a placed order, every save one wallet entry, nothing acknowledged
 * missing, stock taken once per placed line, and SQLite's own integrity check.
 */

export type Baseline = { orderIds: Set<string>; klarnaOrderIds: Set<string>; stock: Map<string, number> }

export type Audit = {
  discrepancies: string[]
  /** After a kill: what the kill left undecided (an answer lost on the way, a charge whose order was not yet marked placed). */
  inDoubt: string[]
  figures: {
    placed: number
    klarnaOrders: number
    saves: number
    created: number
    customers: number
    skus: number
    integrity: string
  }
}

type KlarnaOrder = {
  order_id: string
  source: string
  authorization_token: string | null
  customer_token: string | null
  merchant_reference1: string | null
  order_amount: number
}

const stockBySku = (db: Database.Database) =>
  new Map(
    db
      .prepare<[], { sku_id: string; quantity: number }>(
        'SELECT sku_id, SUM(quantity) AS quantity FROM cl_stock_items GROUP BY sku_id',
      )
      .all()
      .map((row) => [row.sku_id, row.quantity]),
  )

async function klarnaOrders(origin: string): Promise<KlarnaOrder[]> {
  const response = await fetch(`${origin}/klarna/sandbox/orders`)
  if (!response.ok) throw new Error(`GET /klarna/sandbox/orders answered ${response.status}`)
  return ((await response.json()) as { data: KlarnaOrder[] }).data
}

/** What the database holds before the load: the seed's orders and charges, and the stock. */
export async function takeBaseline(dbPath: string, origin: string): Promise<Baseline> {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true })
  try {
    return {
      orderIds: new Set(
        db
          .prepare<[], { id: string }>('SELECT id FROM cl_orders')
          .all()
          .map((row) => row.id),
      ),
      klarnaOrderIds: new Set((await klarnaOrders(origin)).map((order) => order.order_id)),
      stock: stockBySku(db),
    }
  } finally {
    db.close()
  }
}

/**
 * Gives every SKU in stock a million units, so that a long run measures checkouts rather than running out (the
 * seed has 360 units in all). The load's own sandbox and database: nothing else is touched.
 */
export function stockUp(dbPath: string): void {
  const db = new Database(dbPath, { fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    db.prepare('UPDATE cl_stock_items SET quantity = 1000000 WHERE quantity > 0').run()
  } finally {
    db.close()
  }
}

export async function auditBooks(options: {
  origin: string
  dbPath: string
  ledger: Ledger
  baseline: Baseline
  afterCrash: boolean
}): Promise<Audit> {
  const { ledger, baseline, afterCrash } = options
  const discrepancies: string[] = []
  const inDoubt: string[] = []
  /** After a kill, what the kill may have caused is in doubt; without one, it is wrong. */
  const unexplained = (message: string) => (afterCrash ? inDoubt : discrepancies).push(message)

  const charges = (await klarnaOrders(options.origin)).filter((order) => !baseline.klarnaOrderIds.has(order.order_id))
  const chargesByNumber = new Map<string, KlarnaOrder[]>()
  for (const charge of charges)
    chargesByNumber.set(charge.merchant_reference1 ?? '', [
      ...(chargesByNumber.get(charge.merchant_reference1 ?? '') ?? []),
      charge,
    ])

  const db = new Database(options.dbPath, { readonly: true, fileMustExist: true })
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }))
    if (integrity !== 'ok') discrepancies.push(`PRAGMA integrity_check: ${integrity}`)

    const orderById = db.prepare<
      [string],
      { id: string; number: string; status: string; total_amount_cents: number; payment_source_details: string | null }
    >('SELECT id, number, status, total_amount_cents, payment_source_details FROM cl_orders WHERE id = ?')
    const orderByNumber = db.prepare<[string], { id: string; status: string }>(
      'SELECT id, status FROM cl_orders WHERE number = ?',
    )

    // Each order acknowledged as placed: placed, once, with one Klarna charge for its total, from what paid it.
    const acknowledged = new Set<string>()
    for (const order of ledger.placed) {
      if (acknowledged.has(order.orderId)) discrepancies.push(`order ${order.number} was acknowledged as placed twice`)
      acknowledged.add(order.orderId)
      const row = orderById.get(order.orderId)
      if (!row) {
        discrepancies.push(`order ${order.number} was acknowledged as placed and is missing`)
        continue
      }
      if (row.status !== 'placed')
        discrepancies.push(`order ${order.number} was acknowledged as placed and is ${row.status}`)
      const orderCharges = chargesByNumber.get(row.number) ?? []
      if (orderCharges.length !== 1) {
        discrepancies.push(`order ${order.number} has ${orderCharges.length} Klarna orders, not 1`)
        continue
      }
      const charge = orderCharges[0] as KlarnaOrder
      if (charge.order_amount !== row.total_amount_cents)
        discrepancies.push(
          `order ${order.number}: Klarna charged ${charge.order_amount}, the order totals ${row.total_amount_cents}`,
        )
      const paidBy =
        'authorization' in order.paidWith
          ? charge.authorization_token === order.paidWith.authorization
          : charge.customer_token === order.paidWith.customerToken
      if (!paidBy)
        discrepancies.push(
          `order ${order.number}: Klarna charged ${charge.source} ${charge.authorization_token ?? charge.customer_token}, not what paid for it`,
        )
      const klarnaId = (JSON.parse(row.payment_source_details ?? '{}') as { klarna_id?: string }).klarna_id
      if (klarnaId !== charge.order_id)
        discrepancies.push(
          `order ${order.number}: payment_source_details.klarna_id ${klarnaId} is not the Klarna order ${charge.order_id}`,
        )
    }

    // No charge without a placed order, and nothing placed that no shopper was told about.
    for (const charge of charges) {
      const order = orderByNumber.get(charge.merchant_reference1 ?? '')
      if (!order || order.status !== 'placed')
        unexplained(
          `Klarna order ${charge.order_id} (${charge.merchant_reference1}) has no placed order (${order?.status ?? 'none'})`,
        )
    }
    const placedRows = db
      .prepare<[], { id: string; number: string }>("SELECT id, number FROM cl_orders WHERE status = 'placed'")
      .all()
    for (const row of placedRows) {
      if (!baseline.orderIds.has(row.id) && !acknowledged.has(row.id))
        unexplained(`order ${row.number} is placed, and no shopper was told`)
    }

    // Each save: exactly one wallet entry, the one acknowledged, its Klarna customer token active.
    const walletOf = db.prepare<[string], { id: string; payment_source_token: string }>(
      'SELECT id, payment_source_token FROM cl_customer_payment_sources WHERE customer_id = ?',
    )
    const tokenStatus = db.prepare<[string], { status: string }>(
      'SELECT status FROM klarna_customer_tokens WHERE id = ?',
    )
    const savesByCustomer = new Map<string, typeof ledger.saves>()
    for (const save of ledger.saves)
      savesByCustomer.set(save.customerId, [...(savesByCustomer.get(save.customerId) ?? []), save])
    for (const [customerId, saves] of savesByCustomer) {
      const entries = walletOf.all(customerId)
      if (entries.length !== saves.length)
        discrepancies.push(
          `customer ${customerId}: ${saves.length} save(s) acknowledged, ${entries.length} wallet entries`,
        )
      for (const save of saves) {
        const entry = entries.find((candidate) => candidate.id === save.walletId)
        if (!entry)
          discrepancies.push(`wallet entry ${save.walletId} of customer ${customerId} was acknowledged and is missing`)
        else if (entry.payment_source_token !== save.paymentSourceToken)
          discrepancies.push(`wallet entry ${save.walletId} holds another Klarna customer token`)
        const status = tokenStatus.get(save.paymentSourceToken)?.status
        if (status !== 'ACTIVE')
          discrepancies.push(`the Klarna customer token of wallet entry ${save.walletId} is ${status ?? 'missing'}`)
      }
    }
    for (const customer of ledger.customers) {
      if (savesByCustomer.has(customer.id)) continue
      const entries = walletOf.all(customer.id)
      if (entries.length > 0)
        unexplained(`customer ${customer.email} has ${entries.length} wallet entries and no save was acknowledged`)
    }

    // Everything else acknowledged is there: the orders created, the customers signed up.
    const count = (table: string, ids: string[]) =>
      db
        .prepare<[string], { n: number }>(
          `SELECT COUNT(*) AS n FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`,
        )
        .get(JSON.stringify(ids))?.n ?? 0
    const createdIds = [...new Set(ledger.created.map((order) => order.orderId))]
    const createdFound = count('cl_orders', createdIds)
    if (createdFound !== createdIds.length)
      discrepancies.push(`${createdIds.length - createdFound} acknowledged order(s) are missing`)
    const customersFound = count(
      'cl_customers',
      ledger.customers.map((customer) => customer.id),
    )
    if (customersFound !== ledger.customers.length)
      discrepancies.push(`${ledger.customers.length - customersFound} signed-up customer(s) are missing`)

    // Stock: taken once for every line of an order placed (or being placed when the sandbox died).
    const taken = new Map(
      db
        .prepare<[string], { item_id: string; quantity: number }>(
          `SELECT l.item_id, SUM(l.quantity) AS quantity FROM cl_line_items l JOIN cl_orders o ON o.id = l.order_id
            WHERE l.item_type = 'skus' AND (o.status = 'placed' OR o.placing_started_at IS NOT NULL)
              AND o.id NOT IN (SELECT value FROM json_each(?)) GROUP BY l.item_id`,
        )
        .all(JSON.stringify([...baseline.orderIds]))
        .map((row) => [row.item_id, row.quantity]),
    )
    const stock = stockBySku(db)
    for (const [skuId, before] of baseline.stock) {
      const expected = before - (taken.get(skuId) ?? 0)
      if (stock.get(skuId) !== expected)
        discrepancies.push(`SKU ${skuId}: stock ${stock.get(skuId)}, expected ${expected}`)
    }

    return {
      discrepancies,
      inDoubt,
      figures: {
        placed: ledger.placed.length,
        klarnaOrders: charges.length,
        saves: ledger.saves.length,
        created: createdIds.length,
        customers: ledger.customers.length,
        skus: baseline.stock.size,
        integrity,
      },
    }
  } finally {
    db.close()
  }
}
