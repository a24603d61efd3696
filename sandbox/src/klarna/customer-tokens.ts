import { createHash } from 'node:crypto'
import { newUuid } from '../ids'
import { RETURNING_CUSTOMER_EMAIL, RETURNING_CUSTOMER_KLARNA_TOKEN } from '../seed-constants'
import { requireConsistentAmounts } from './arithmetic'
import { requireMerchantCredentials } from './auth'
import { klarnaError } from './errors'
import { orderResponse, recordOrder } from './orders'
import { planById, planByTokenType, type PlanId } from './plans'
import { customerTokenOrderSchema, customerTokenStatusSchema, readBody } from './schemas'
import type { Db } from '../db/database'
import type { Router } from '../http/router'
import type { Services } from '../module'

/**
 * Klarna customer tokens: what a saved Klarna payment source charges. They never expire; the merchant can
 * cancel them, Klarna can suspend them. Orders on a token honour `Klarna-Idempotency-Key` (valid 24 hours):
 * the same key with the same body answers the first order again instead of charging twice.
 */

export type CustomerTokenStatus = 'ACTIVE' | 'CANCELLED' | 'SUSPENDED'

/** How long Klarna guarantees an idempotency key. */
export const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 60 * 60 * 1000

type CustomerTokenRow = {
  id: string
  status: CustomerTokenStatus
  payment_method_type: string
  payment_method_reference: string
  email: string
  purchase_country: string
  purchase_currency: string
  payment_method_failing: number
}

/** Klarna's answer to customer-token creation (customer_token_creation_response). */
type CustomerTokenCreated = {
  token_id: string
  payment_method_reference: string
  redirect_url: string
  billing_address: { email: string }
}

const findToken = (db: Db, id: string) =>
  db.prepare<[string], CustomerTokenRow>('SELECT * FROM klarna_customer_tokens WHERE id = ?').get(id)

function creationResponse(row: CustomerTokenRow, origin: string): CustomerTokenCreated {
  return {
    token_id: row.id,
    payment_method_reference: row.payment_method_reference,
    redirect_url: `${origin}/klarna/kp/redirect/${row.id}`,
    // The shopper's Klarna identity, so the merchant can name the saved source ("Klarna · r•••@example.com").
    billing_address: { email: row.email },
  }
}

export function createCustomerToken(
  db: Db,
  input: {
    authorizationToken: string
    email: string
    plan: PlanId
    purchaseCountry: string
    purchaseCurrency: string
    description: string
    origin: string
    now: number
  },
): CustomerTokenCreated {
  const row: CustomerTokenRow = {
    id: newUuid(),
    status: 'ACTIVE',
    payment_method_type: planById(input.plan).tokenPaymentMethodType,
    payment_method_reference: newUuid(),
    email: input.email,
    purchase_country: input.purchaseCountry.toUpperCase(),
    purchase_currency: input.purchaseCurrency.toUpperCase(),
    payment_method_failing: 0,
  }
  insertToken(db, row, { authorizationToken: input.authorizationToken, description: input.description, now: input.now })
  return creationResponse(row, input.origin)
}

function insertToken(
  db: Db,
  row: CustomerTokenRow,
  extra: { authorizationToken: string | null; description: string | null; now: number },
) {
  db.prepare(
    `INSERT INTO klarna_customer_tokens (id, status, payment_method_type, payment_method_reference, email, purchase_country,
       purchase_currency, description, authorization_token, payment_method_failing, created_at, updated_at)
     VALUES (@id, @status, @payment_method_type, @payment_method_reference, @email, @purchase_country,
       @purchase_currency, @description, @authorization_token, @payment_method_failing, @now, @now)`,
  ).run({ ...row, description: extra.description, authorization_token: extra.authorizationToken, now: extra.now })
}

/** The customer token an authorization already made, answered again as when it was made. */
export function customerTokenOfAuthorization(
  db: Db,
  authorizationToken: string,
  origin: string,
): CustomerTokenCreated | undefined {
  const row = db
    .prepare<[string], CustomerTokenRow>('SELECT * FROM klarna_customer_tokens WHERE authorization_token = ?')
    .get(authorizationToken)
  return row ? creationResponse(row, origin) : undefined
}

/** The returning customer's saved Klarna source points at this token (see seed-constants). */
export function seedReturningCustomerToken(services: Services): void {
  insertToken(
    services.db,
    {
      id: RETURNING_CUSTOMER_KLARNA_TOKEN,
      status: 'ACTIVE',
      payment_method_type: planById('pay_in_30_days').tokenPaymentMethodType,
      payment_method_reference: '9a4c1f7e-2d3b-4c5a-8e6f-0b1d2c3e4f5a',
      email: RETURNING_CUSTOMER_EMAIL,
      purchase_country: 'IT',
      purchase_currency: 'EUR',
      payment_method_failing: 0,
    },
    { authorizationToken: null, description: 'Sandbox Store: saved Klarna payment method', now: services.clock.now() },
  )
}

/** Sandbox door: SUSPENDED (only Klarna can do that) or back to ACTIVE, and a payment method that starts failing. */
export function setCustomerTokenForTests(
  db: Db,
  id: string,
  change: { status?: CustomerTokenStatus | undefined; payment_method_failing?: boolean | undefined },
  now: number,
): boolean {
  const result = db
    .prepare(
      `UPDATE klarna_customer_tokens
          SET status = COALESCE(@status, status),
              payment_method_failing = COALESCE(@failing, payment_method_failing),
              updated_at = @now
        WHERE id = @id`,
    )
    .run({
      id,
      status: change.status ?? null,
      failing: change.payment_method_failing === undefined ? null : Number(change.payment_method_failing),
      now,
    })
  return result.changes > 0
}

/** Same body, same hash, whatever the order of its keys. */
function requestHash(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((key) => [key, canonical((v as Record<string, unknown>)[key])]),
          )
        : v
  return createHash('sha256')
    .update(JSON.stringify(canonical(value)))
    .digest('hex')
}

export function customerTokenRoutes(router: Router, services: Services): void {
  const { db, clock } = services

  router.get('/klarna/customer-token/v1/tokens/:token', (ctx) => {
    requireMerchantCredentials(ctx)
    const row = findToken(db, ctx.params.token as string)
    if (!row) throw klarnaError(404, 'NOT_FOUND', 'Invalid token ID')
    ctx.send(200, { status: row.status, payment_method_type: row.payment_method_type })
  })

  router.patch('/klarna/customer-token/v1/tokens/:token/status', async (ctx) => {
    requireMerchantCredentials(ctx)
    const { status } = await readBody(ctx, customerTokenStatusSchema)
    const id = ctx.params.token as string
    if (!findToken(db, id)) throw klarnaError(404, 'NOT_FOUND', 'Invalid token ID')
    db.prepare('UPDATE klarna_customer_tokens SET status = ?, updated_at = ? WHERE id = ?').run(status, clock.now(), id)
    ctx.send(202, undefined)
  })

  router.post('/klarna/customer-token/v1/tokens/:token/order', async (ctx) => {
    requireMerchantCredentials(ctx)
    const request = await readBody(ctx, customerTokenOrderSchema)
    requireConsistentAmounts(request)

    // Synchronous from here on, so two requests with the same key cannot both miss it and both charge.
    const id = ctx.params.token as string
    const token = findToken(db, id)
    if (!token) throw klarnaError(404, 'TOKEN_NOT_FOUND', 'Invalid token ID')

    const now = clock.now()
    const idempotencyKey = ctx.header('klarna-idempotency-key')?.trim() || undefined
    const hash = requestHash(request)
    if (idempotencyKey) {
      const earlier = db
        .prepare<[string, string, number], { request_hash: string; order_id: string }>(
          'SELECT request_hash, order_id FROM klarna_idempotency_keys WHERE customer_token_id = ? AND key = ? AND created_at > ?',
        )
        .get(id, idempotencyKey, now - IDEMPOTENCY_KEY_LIFETIME_MS)
      if (earlier && earlier.request_hash !== hash) {
        throw klarnaError(409, 'BAD_VALUE', 'Klarna-Idempotency-Key was already used with a different request body')
      }
      const replay = earlier && orderResponse(db, earlier.order_id)
      if (replay) return ctx.send(200, replay)
    }

    if (token.status === 'CANCELLED') throw klarnaError(403, 'TOKEN_CANCELLED', 'The customer token has been cancelled')
    if (token.status === 'SUSPENDED') throw klarnaError(403, 'TOKEN_SUSPENDED', 'The customer token has been suspended')
    if (request.purchase_currency.toUpperCase() !== token.purchase_currency) {
      throw klarnaError(
        403,
        'PAYMENT_METHOD_CURRENCY_MISMATCH',
        `The customer token pays in ${token.purchase_currency}`,
      )
    }
    if (token.payment_method_failing === 1) {
      throw klarnaError(
        403,
        'PAYMENT_METHOD_FAILED',
        'The payment method behind the customer token could not be charged',
      )
    }

    const response = db.transaction(() => {
      const order = recordOrder(db, {
        source: 'customer_token',
        customerTokenId: id,
        request,
        authorizedPaymentMethod: planByTokenType(token.payment_method_type).authorizedPaymentMethod,
        origin: ctx.origin,
        now,
      })
      if (idempotencyKey) {
        db.prepare(
          `INSERT INTO klarna_idempotency_keys (customer_token_id, key, request_hash, order_id, created_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (customer_token_id, key) DO UPDATE SET request_hash = excluded.request_hash,
             order_id = excluded.order_id, created_at = excluded.created_at`,
        ).run(id, idempotencyKey, hash, order.order_id, now)
      }
      return order
    })()
    ctx.send(200, response)
  })
}
