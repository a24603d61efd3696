import { newUuid } from '../ids'
import type { AuthorizedPaymentMethod } from './plans'
import type { Db } from '../db/database'

/** Klarna's answer to a created order (the `order` schema). */
export type KlarnaOrderResponse = {
  order_id: string
  redirect_url: string
  fraud_status: 'ACCEPTED' | 'PENDING'
  authorized_payment_method: AuthorizedPaymentMethod
}

type NewOrder = {
  source: 'authorization' | 'customer_token'
  authorizationToken?: string
  customerTokenId?: string
  sessionId?: string
  request: {
    purchase_currency: string
    order_amount: number
    order_tax_amount?: number | undefined
    merchant_reference1?: string | undefined
  }
  authorizedPaymentMethod: AuthorizedPaymentMethod
  origin: string
  now: number
}

/**
 * Records one order, the charge the audit counts. Callers run this inside the transaction that checked the
 * authorization or the customer token, so a concurrent duplicate sees it.
 */
export function recordOrder(db: Db, order: NewOrder): KlarnaOrderResponse {
  const id = newUuid()
  const response: KlarnaOrderResponse = {
    order_id: id,
    redirect_url: `${order.origin}/klarna/kp/redirect/${id}`,
    fraud_status: 'ACCEPTED',
    authorized_payment_method: order.authorizedPaymentMethod,
  }
  db.prepare(
    `INSERT INTO klarna_orders (id, source, authorization_token, customer_token_id, session_id, purchase_currency,
       order_amount, order_tax_amount, merchant_reference1, response, request, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    order.source,
    order.authorizationToken ?? null,
    order.customerTokenId ?? null,
    order.sessionId ?? null,
    order.request.purchase_currency.toUpperCase(),
    order.request.order_amount,
    order.request.order_tax_amount ?? 0,
    order.request.merchant_reference1 ?? null,
    JSON.stringify(response),
    JSON.stringify(order.request),
    order.now,
  )
  return response
}

export function orderResponse(db: Db, orderId: string): KlarnaOrderResponse | undefined {
  const row = db.prepare<[string], { response: string }>('SELECT response FROM klarna_orders WHERE id = ?').get(orderId)
  return row ? (JSON.parse(row.response) as KlarnaOrderResponse) : undefined
}

type OrderRow = {
  id: string
  source: string
  authorization_token: string | null
  customer_token_id: string | null
  session_id: string | null
  purchase_currency: string
  order_amount: number
  order_tax_amount: number
  merchant_reference1: string | null
  response: string
  created_at: number
}

/** Every order, oldest first, for the sandbox's audit door (`GET /klarna/sandbox/orders`). */
export function listOrders(
  db: Db,
  filter: { sessionId?: string; customerTokenId?: string; merchantReference1?: string },
) {
  const rows = db
    .prepare<[{ session: string | null; token: string | null; reference: string | null }], OrderRow>(
      `SELECT * FROM klarna_orders
        WHERE (@session IS NULL OR session_id = @session)
          AND (@token IS NULL OR customer_token_id = @token)
          AND (@reference IS NULL OR merchant_reference1 = @reference)
        ORDER BY created_at, rowid`,
    )
    .all({
      session: filter.sessionId ?? null,
      token: filter.customerTokenId ?? null,
      reference: filter.merchantReference1 ?? null,
    })
  return rows.map((row) => {
    const response = JSON.parse(row.response) as KlarnaOrderResponse
    return {
      order_id: row.id,
      source: row.source,
      authorization_token: row.authorization_token,
      customer_token: row.customer_token_id,
      session_id: row.session_id,
      merchant_reference1: row.merchant_reference1,
      purchase_currency: row.purchase_currency,
      order_amount: row.order_amount,
      order_tax_amount: row.order_tax_amount,
      fraud_status: response.fraud_status,
      authorized_payment_method: response.authorized_payment_method,
      created_at: new Date(row.created_at).toISOString(),
    }
  })
}
