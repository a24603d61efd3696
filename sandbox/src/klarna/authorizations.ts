import { requireConsistentAmounts } from './arithmetic'
import { requireMerchantCredentials } from './auth'
import { createCustomerToken, customerTokenOfAuthorization } from './customer-tokens'
import { klarnaError, type KlarnaErrorBody } from './errors'
import { recordOrder } from './orders'
import { planById, type PlanId } from './plans'
import {
  createOrderSchema,
  customerTokenCreationSchema,
  readBody,
  type CreateOrderRequest,
  type OrderLine,
  type SessionData,
} from './schemas'
import { findLiveSession } from './sessions'
import { HttpError } from '../http/errors'
import type { Db } from '../db/database'
import type { Router } from '../http/router'
import type { Services } from '../module'

/**
 * What the merchant (here: the Commerce Layer stand-in) does with an authorization token: create the order,
 * create a customer token, or release it. Klarna's rules: a token lives 60 minutes; an order completes the
 * session; order data must still match what the shopper authorized (409 otherwise); a token that failed
 * keeps failing; the session's `intent` says whether the token may buy, tokenize, or both.
 */

type Authorization = {
  token: string
  sessionId: string
  email: string
  plan: PlanId
  /** The session's data as the shopper authorized it. */
  data: SessionData
}

type AuthorizationRow = {
  token: string
  session_id: string
  email: string
  plan: string
  data: string
  status: 'authorized' | 'cancelled' | 'failed'
  failure: string | null
  expires_at: number
  ordered: number
}

const invalidToken = () => klarnaError(404, 'NOT_FOUND', 'Invalid authorization token')

function findAuthorization(db: Db, token: string): AuthorizationRow | undefined {
  return db
    .prepare<[string], AuthorizationRow>(
      `SELECT token, session_id, email, plan, data, status, failure, expires_at,
              EXISTS (SELECT 1 FROM klarna_orders WHERE authorization_token = klarna_authorizations.token) AS ordered
         FROM klarna_authorizations WHERE token = ?`,
    )
    .get(token)
}

/** An authorization token that can still be used, or the refusal Klarna gives for it. */
function requireUsableAuthorization(services: Services, token: string): Authorization {
  const row = findAuthorization(services.db, token)
  if (!row || row.status === 'cancelled' || row.expires_at <= services.clock.now()) throw invalidToken()
  if (row.status === 'failed' && row.failure) {
    const failure = JSON.parse(row.failure) as { status: number } & Omit<KlarnaErrorBody, 'correlation_id'>
    throw klarnaError(failure.status, failure.error_code, failure.error_messages)
  }
  return {
    token: row.token,
    sessionId: row.session_id,
    email: row.email,
    plan: planById(row.plan).id,
    data: JSON.parse(row.data) as SessionData,
  }
}

/** Marks the token failed for good, remembering the refusal so every later use repeats it; returns that refusal. */
function failAuthorization(db: Db, token: string, error: HttpError): HttpError {
  const { error_code, error_messages } = error.body as KlarnaErrorBody
  db.prepare("UPDATE klarna_authorizations SET status = 'failed', failure = ? WHERE token = ?").run(
    JSON.stringify({ status: error.status, error_code, error_messages }),
    token,
  )
  return error
}

const notMatching = (fields: readonly string[]) =>
  klarnaError(409, 'BAD_VALUE', `Not matching fields: [${fields.join(', ')}]`)

/** What of an order line is money or identity; names, images and URLs may be reworded between session and order. */
function comparableLine(line: OrderLine) {
  return [
    line.type ?? 'physical',
    line.reference ?? '',
    line.quantity,
    line.unit_price,
    line.tax_rate ?? 0,
    line.total_amount,
    line.total_discount_amount ?? 0,
    line.total_tax_amount ?? 0,
  ].join('|')
}

/** The fields of an order request that differ from what the shopper authorized. */
export function mismatchedFields(authorized: SessionData, order: CreateOrderRequest): string[] {
  const fields: string[] = []
  if (order.purchase_country.toUpperCase() !== authorized.purchase_country.toUpperCase())
    fields.push('purchase_country')
  if (order.purchase_currency.toUpperCase() !== authorized.purchase_currency.toUpperCase())
    fields.push('purchase_currency')
  if (order.order_amount !== authorized.order_amount) fields.push('order_amount')
  if ((order.order_tax_amount ?? 0) !== (authorized.order_tax_amount ?? 0)) fields.push('order_tax_amount')
  const lines = (ls: readonly OrderLine[]) => ls.map(comparableLine).join('\n')
  if (lines(order.order_lines) !== lines(authorized.order_lines)) fields.push('order_lines')
  return fields
}

export function authorizationRoutes(router: Router, services: Services): void {
  const { db, clock } = services

  router.post('/klarna/payments/v1/authorizations/:token/order', async (ctx) => {
    requireMerchantCredentials(ctx)
    const request = await readBody(ctx, createOrderSchema)
    requireConsistentAmounts(request)

    // Synchronous from here on: a concurrent request for the same token sees this one's order.
    const token = ctx.params.token as string
    const authorization = requireUsableAuthorization(services, token)
    const session = findLiveSession(services, authorization.sessionId)
    if (!session) throw invalidToken()
    if (session.completed) throw klarnaError(404, 'SESSION_COMPLETED', 'Session has already been completed by an order')
    if (authorization.data.intent === 'tokenize') {
      throw klarnaError(
        403,
        'INVALID_OPERATION',
        'The session intent is tokenize: create a customer token instead of an order',
      )
    }
    const mismatched = mismatchedFields(authorization.data, request)
    if (mismatched.length > 0) throw failAuthorization(db, token, notMatching(mismatched))

    const response = recordOrder(db, {
      source: 'authorization',
      authorizationToken: token,
      sessionId: session.id,
      request,
      authorizedPaymentMethod: planById(authorization.plan).authorizedPaymentMethod,
      origin: ctx.origin,
      now: clock.now(),
    })
    ctx.send(200, response)
  })

  router.post('/klarna/payments/v1/authorizations/:token/customer-token', async (ctx) => {
    requireMerchantCredentials(ctx)
    const request = await readBody(ctx, customerTokenCreationSchema)
    const token = ctx.params.token as string
    const authorization = requireUsableAuthorization(services, token)
    if ((authorization.data.intent ?? 'buy') === 'buy') {
      throw klarnaError(
        403,
        'INVALID_OPERATION',
        'The session intent is buy: its authorization cannot create a customer token (create the session with intent buy_and_tokenize or tokenize)',
      )
    }
    // One customer token per authorization: asking again (a retry, a second save) answers the same token.
    const existing = customerTokenOfAuthorization(db, token, ctx.origin)
    if (existing) return ctx.send(200, existing)

    const mismatched: string[] = []
    if (request.purchase_country.toUpperCase() !== authorization.data.purchase_country.toUpperCase())
      mismatched.push('purchase_country')
    if (request.purchase_currency.toUpperCase() !== authorization.data.purchase_currency.toUpperCase())
      mismatched.push('purchase_currency')
    if (mismatched.length > 0) throw failAuthorization(db, token, notMatching(mismatched))

    const created = createCustomerToken(db, {
      authorizationToken: token,
      email: authorization.email,
      plan: authorization.plan,
      purchaseCountry: request.purchase_country,
      purchaseCurrency: request.purchase_currency,
      description: request.description,
      origin: ctx.origin,
      now: clock.now(),
    })
    ctx.send(200, created)
  })

  router.delete('/klarna/payments/v1/authorizations/:token', (ctx) => {
    requireMerchantCredentials(ctx)
    const token = ctx.params.token as string
    const row = findAuthorization(db, token)
    if (!row || row.status === 'cancelled' || row.expires_at <= clock.now()) throw invalidToken()
    if (row.ordered === 1)
      throw klarnaError(403, 'INVALID_OPERATION', 'An order was already created from this authorization')
    db.prepare("UPDATE klarna_authorizations SET status = 'cancelled' WHERE token = ?").run(token)
    ctx.send(204, undefined)
  })
}
