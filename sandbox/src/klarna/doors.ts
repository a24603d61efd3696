import { z } from 'zod'
import { setCustomerTokenForTests } from './customer-tokens'
import { klarnaError } from './errors'
import { listOrders } from './orders'
import { DEFAULT_PLAN, PLAN_IDS } from './plans'
import { parseBody } from './schemas'
import { authorizeSession } from './shopper-authorization'
import type { Router } from '../http/router'
import type { Services } from '../module'

/**
 * Sandbox-only doors under /klarna/sandbox, for API tests, end-to-end tests and load tests. Not part of
 * Klarna's surface; listed in sandbox/README-klarna.md.
 */

const authorizeDoorSchema = z.strictObject({
  // Checked by the shared authorization rules, so a missing or malformed one answers as the browser would.
  email: z.unknown().optional(),
  otp: z.unknown().optional(),
  plan: z.enum(PLAN_IDS).default(DEFAULT_PLAN),
  /** What a shop would pass as `authorize(options, data)`. */
  data: z.record(z.string(), z.unknown()).optional(),
})

const customerTokenDoorSchema = z.strictObject({
  status: z.enum(['ACTIVE', 'SUSPENDED', 'CANCELLED']).optional(),
  payment_method_failing: z.boolean().optional(),
})

export function doorRoutes(router: Router, services: Services): void {
  // What the shopper's dialog would answer, without a browser: `{email, otp}` → the `authorize` callback's argument.
  router.post('/klarna/sandbox/sessions/:id/authorize', async (ctx) => {
    const body = parseBody(authorizeDoorSchema, await ctx.json())
    const result = authorizeSession(services, ctx.params.id as string, {
      email: body.email,
      otp: body.otp,
      plan: body.plan,
      data: body.data,
    })
    ctx.send(200, result)
  })

  // Every order Klarna created, oldest first, with where it came from: the audit behind "each order charged once".
  router.get('/klarna/sandbox/orders', (ctx) => {
    const filter = {
      sessionId: ctx.query.get('session_id') ?? undefined,
      customerTokenId: ctx.query.get('customer_token') ?? undefined,
      merchantReference1: ctx.query.get('merchant_reference1') ?? undefined,
    }
    ctx.send(200, { data: listOrders(services.db, filter) })
  })

  // Puts a customer token in a state only Klarna can cause (SUSPENDED, a failing payment method).
  router.patch('/klarna/sandbox/customer-tokens/:token', async (ctx) => {
    const change = parseBody(customerTokenDoorSchema, await ctx.json())
    if (!setCustomerTokenForTests(services.db, ctx.params.token as string, change, services.clock.now())) {
      throw klarnaError(404, 'NOT_FOUND', 'Invalid token ID')
    }
    ctx.send(204, undefined)
  })
}
