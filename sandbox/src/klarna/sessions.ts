import { isoTime } from '../clock'
import { newUuid } from '../ids'
import { requireConsistentAmounts } from './arithmetic'
import { requireMerchantCredentials } from './auth'
import { signClientToken } from './client-token'
import { requireCountryCurrency } from './currencies'
import { klarnaError } from './errors'
import { MERCHANT_NAME, PAYMENT_METHOD_CATEGORY } from './plans'
import { readBody, sessionCreateSchema, sessionUpdateSchema, withoutReadOnlyFields, type SessionData } from './schemas'
import type { Db } from '../db/database'
import type { Context } from '../http/context'
import type { Router } from '../http/router'
import type { Services } from '../module'

/** A session stays valid for 48 hours after its last update (Klarna's rule), or until an order completes it. */
export const SESSION_LIFETIME_MS = 48 * 60 * 60 * 1000

export type KlarnaSession = {
  id: string
  data: SessionData
  clientToken: string
  expiresAt: number
  /** An order was created from one of its authorizations. */
  completed: boolean
}

type SessionRow = { id: string; data: string; client_token: string; expires_at: number; completed: number }

/** The session, if it exists and has not expired. */
export function findLiveSession(services: Services, id: string): KlarnaSession | undefined {
  const row = services.db
    .prepare<[string], SessionRow>(
      `SELECT id, data, client_token, expires_at,
              EXISTS (SELECT 1 FROM klarna_orders WHERE session_id = klarna_sessions.id) AS completed
         FROM klarna_sessions WHERE id = ?`,
    )
    .get(id)
  if (!row || row.expires_at <= services.clock.now()) return undefined
  return {
    id: row.id,
    data: JSON.parse(row.data) as SessionData,
    clientToken: row.client_token,
    expiresAt: row.expires_at,
    completed: row.completed === 1,
  }
}

/** A session that can still be authorized or updated; Klarna's 404s otherwise. */
export function requireOpenSession(services: Services, id: string): KlarnaSession {
  const session = findLiveSession(services, id)
  if (!session) throw klarnaError(404, 'NOT_FOUND', 'Invalid session id')
  if (session.completed) throw klarnaError(404, 'SESSION_COMPLETED', 'Session has already been completed by an order')
  return session
}

/** Top-level fields of the update replace the session's (Klarna merges sessions field by field). */
export function mergeSessionData(base: SessionData, update: Partial<SessionData>): SessionData {
  const merged: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(update)) if (value !== undefined) merged[key] = value
  return merged as SessionData
}

/** Saves new session data and moves the expiry 48 hours past now. */
export function saveSessionData(db: Db, id: string, data: SessionData, now: number): void {
  db.prepare('UPDATE klarna_sessions SET data = ?, updated_at = ?, expires_at = ? WHERE id = ?').run(
    JSON.stringify(data),
    now,
    now + SESSION_LIFETIME_MS,
    id,
  )
}

export function paymentMethodCategories(origin: string) {
  const badge = `${origin}/klarna/kp/assets/badge.svg`
  return [{ ...PAYMENT_METHOD_CATEGORY, asset_urls: { descriptive: badge, standard: badge } }]
}

/** The browser-facing base URL, as the client that created the session reached us. */
const baseUrlFor = (ctx: Context) => `${ctx.origin}/klarna/kp`

export function sessionRoutes(router: Router, services: Services): void {
  const { db, clock } = services

  router.post('/klarna/payments/v1/sessions', async (ctx) => {
    requireMerchantCredentials(ctx)
    const body = await readBody(ctx, sessionCreateSchema)
    const data: SessionData = { locale: 'en-US', intent: 'buy', ...withoutReadOnlyFields(body) }
    requireCountryCurrency(data)
    requireConsistentAmounts(data)

    const id = newUuid()
    const now = clock.now()
    const clientToken = await signClientToken(
      {
        session_id: id,
        base_url: baseUrlFor(ctx),
        purchase_country: data.purchase_country,
        purchase_currency: data.purchase_currency,
        locale: data.locale ?? 'en-US',
        order_amount: data.order_amount,
        environment: 'playground',
        merchant_name: MERCHANT_NAME,
      },
      now,
    )
    db.prepare(
      'INSERT INTO klarna_sessions (id, data, client_token, created_at, updated_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(id, JSON.stringify(data), clientToken, now, now, now + SESSION_LIFETIME_MS)

    ctx.send(200, {
      session_id: id,
      client_token: clientToken,
      payment_method_categories: paymentMethodCategories(ctx.origin),
    })
  })

  router.get('/klarna/payments/v1/sessions/:id', (ctx) => {
    requireMerchantCredentials(ctx)
    const session = findLiveSession(services, ctx.params.id as string)
    if (!session) throw klarnaError(404, 'NOT_FOUND', 'Invalid session id')
    ctx.send(200, {
      ...session.data,
      client_token: session.clientToken,
      expires_at: isoTime(session.expiresAt),
      payment_method_categories: paymentMethodCategories(ctx.origin),
      status: session.completed ? 'complete' : 'incomplete',
    })
  })

  router.post('/klarna/payments/v1/sessions/:id', async (ctx) => {
    requireMerchantCredentials(ctx)
    const update = withoutReadOnlyFields(await readBody(ctx, sessionUpdateSchema))
    const session = requireOpenSession(services, ctx.params.id as string)
    const data = mergeSessionData(session.data, update)
    requireCountryCurrency(data)
    requireConsistentAmounts(data)
    saveSessionData(db, session.id, data, clock.now())
    ctx.send(204, undefined)
  })
}
