import { z } from 'zod'
import { sessionIdOfClientToken } from './client-token'
import { klarnaError } from './errors'
import { dialogPage, widgetPage, type WidgetView } from './pages'
import {
  DEFAULT_PLAN,
  describePlans,
  formatMoney,
  MERCHANT_NAME,
  PAYMENT_METHOD_CATEGORY,
  PLAN_IDS,
  WIDGET_PLAN_WORDS,
} from './plans'
import { parseBody } from './schemas'
import { findLiveSession } from './sessions'
import {
  authorizeSession,
  fixableRefusal,
  isAcceptedOneTimeCode,
  isWellFormedEmail,
  prepareAuthorization,
} from './shopper-authorization'
import { readAsset, sendAsset, type StaticAsset } from '../http/static-asset'
import type { Context } from '../http/context'
import type { Router } from '../http/router'
import type { Services } from '../module'

/**
 * What the browser reaches, under /klarna/kp, without merchant credentials: the library, its assets, the
 * widget and dialog pages, and the dialog's own calls, authenticated by the session's client token.
 */

const loadAsset = (file: string, contentType: string) =>
  readAsset(new URL(`./assets/${file}`, import.meta.url), contentType)

const library = loadAsset('api.js', 'application/javascript; charset=utf-8')
/** The On-Site Messaging library (js.klarna.com/web-sdk/v1/klarna.js): `<klarna-placement>` from its attributes. */
const messagingLibrary = loadAsset('messaging.js', 'application/javascript; charset=utf-8')
const assets: Record<string, StaticAsset> = {
  'widget.js': loadAsset('widget.js', 'application/javascript; charset=utf-8'),
  'dialog.js': loadAsset('dialog.js', 'application/javascript; charset=utf-8'),
  'klarna.css': loadAsset('klarna.css', 'text/css; charset=utf-8'),
  'badge.svg': loadAsset('badge.svg', 'image/svg+xml'),
}

/**
 * Like Klarna's CDN: cacheable for a short while, revalidated by ETag, loadable cross-origin (shops may use
 * `crossorigin` on the script tag).
 */
const CDN_HEADERS = { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' }

/** Pages run in the shop's iframes: any shop may frame them, and they run only our own scripts. */
const PAGE_HEADERS = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
    "base-uri 'none'; form-action 'none'; frame-ancestors *",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
}

/** The shop's origin, which the page will talk to with postMessage: a bare http(s) origin, nothing else. */
function shopOrigin(ctx: Context): string {
  const value = ctx.query.get('origin') ?? ''
  try {
    const url = new URL(value)
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value) return value
  } catch {
    // Falls through to the refusal.
  }
  throw klarnaError(400, 'BAD_VALUE', 'Bad value: origin (the shop page origin, e.g. https://shop.example)')
}

/** The session a dialog call acts for, proven by its client token. */
async function sessionOfDialogCall(body: { client_token: string }): Promise<string> {
  const sessionId = await sessionIdOfClientToken(body.client_token)
  if (!sessionId) throw klarnaError(403, 'INVALID_OPERATION', 'Invalid client token')
  return sessionId
}

const startSchema = z.object({ client_token: z.string(), data: z.unknown().optional() })
const codeSchema = z.object({ client_token: z.string(), otp: z.unknown() })
const authorizeSchema = z.object({
  client_token: z.string(),
  email: z.unknown(),
  otp: z.unknown(),
  plan: z.enum(PLAN_IDS).default(DEFAULT_PLAN),
  data: z.unknown().optional(),
})

export function browserRoutes(router: Router, services: Services): void {
  router.get('/klarna/kp/lib/v1/api.js', (ctx) => sendAsset(ctx, library, CDN_HEADERS))
  router.get('/klarna/web-sdk/v1/klarna.js', (ctx) => sendAsset(ctx, messagingLibrary, CDN_HEADERS))

  router.get('/klarna/kp/assets/:file', (ctx) => {
    const asset = assets[ctx.params.file as string]
    if (!asset) throw klarnaError(404, 'NOT_FOUND', 'No such asset')
    sendAsset(ctx, asset, CDN_HEADERS)
  })

  // The widget `load` puts in the shop's container: category, badge, amount, the plan in words.
  router.get('/klarna/kp/widget', (ctx) => {
    const origin = shopOrigin(ctx)
    const session = findLiveSession(services, ctx.query.get('session_id') ?? '')
    const category = ctx.query.get('category')
    let view: WidgetView
    if (!session || session.completed)
      view = { available: false, reason: 'This Klarna session has ended. Reload the page to try again.' }
    else if (category !== PAYMENT_METHOD_CATEGORY.identifier)
      view = { available: false, reason: 'This payment option is not available.' }
    else {
      const { order_amount, purchase_currency, locale } = session.data
      view = { available: true, amount: formatMoney(order_amount, purchase_currency, locale), ...WIDGET_PLAN_WORDS }
    }
    const html = widgetPage(view, { origin })
    ctx.send(200, html, 'text/html; charset=utf-8', PAGE_HEADERS)
  })

  // Klarna's dialog, opened full screen over the shop by `authorize`.
  router.get('/klarna/kp/dialog', (ctx) => {
    ctx.send(200, dialogPage({ origin: shopOrigin(ctx) }), 'text/html; charset=utf-8', PAGE_HEADERS)
  })

  // The dialog opens: the session with the shop's authorize data merged in, or the refusal that ends it at once.
  router.post('/klarna/kp/dialog/start', async (ctx) => {
    const body = parseBody(startSchema, await ctx.json())
    const sessionId = await sessionOfDialogCall(body)
    const prepared = prepareAuthorization(services, sessionId, body.data)
    if (!prepared.ok) return ctx.send(200, { outcome: 'refused', result: prepared.result })
    const email = prepared.data.billing_address?.email
    // Without an email to identify the shopper the dialog cannot begin: the shop must fix its data.
    if (!isWellFormedEmail(email))
      return ctx.send(200, { outcome: 'refused', result: fixableRefusal(['billing_address.email']) })
    const { order_amount, purchase_currency, locale, merchant_reference1 } = prepared.data
    ctx.send(200, {
      outcome: 'ready',
      email,
      merchant_name: MERCHANT_NAME,
      order_reference: merchant_reference1 ?? null,
      amount: formatMoney(order_amount, purchase_currency, locale),
      plans: describePlans(order_amount, purchase_currency, locale ?? 'en-US'),
      default_plan: DEFAULT_PLAN,
    })
  })

  router.post('/klarna/kp/dialog/verify-code', async (ctx) => {
    const body = parseBody(codeSchema, await ctx.json())
    await sessionOfDialogCall(body)
    if (!isAcceptedOneTimeCode(body.otp)) throw klarnaError(400, 'BAD_VALUE', 'Bad value: otp')
    ctx.send(200, { accepted: true })
  })

  // "Confirm and pay": the same decision the test door makes.
  router.post('/klarna/kp/dialog/authorize', async (ctx) => {
    const body = parseBody(authorizeSchema, await ctx.json())
    const sessionId = await sessionOfDialogCall(body)
    ctx.send(
      200,
      authorizeSession(services, sessionId, { email: body.email, otp: body.otp, plan: body.plan, data: body.data }),
    )
  })

  // Klarna's redirect_url: back to the shop's confirmation page when the session named one.
  router.get('/klarna/kp/redirect/:id', (ctx) => {
    const row = services.db
      .prepare<[string], { session_id: string | null }>('SELECT session_id FROM klarna_orders WHERE id = ?')
      .get(ctx.params.id as string)
    const confirmation = row?.session_id
      ? findLiveSession(services, row.session_id)?.data.merchant_urls?.confirmation
      : undefined
    if (confirmation) return ctx.send(302, undefined, 'text/plain', { Location: confirmation })
    ctx.send(
      200,
      '<!doctype html><title>Klarna</title><p>You can close this page and return to the shop.</p>',
      'text/html; charset=utf-8',
    )
  })
}
