import { newResourceId } from '../ids'
import type { Api } from './api'
import type { Router } from '../http/router'

/**
 * Sandbox-only doors (no token) for states Commerce Layer has been seen to hold that the sandbox's own rules never
 * produce, so the storefront's handling of them can be tested end to end.
 */
export function registerCommerceLayerDoors(router: Router, api: Api): void {
  // A second saved source for the same Klarna customer token, as Commerce Layer stored a save sent twice
  // (mfe-checkout #412): a copy of the source, saved a moment later. Answers the copy's id.
  router.post('/sandbox/customer-payment-sources/:id/copies', (ctx) => {
    const { store, clock } = api
    const original = store.get<{ id: string }>(
      'SELECT id FROM cl_customer_payment_sources WHERE id = ?',
      ctx.params.id as string,
    )
    if (!original) return ctx.send(404, { error: `No saved source ${String(ctx.params.id)}.` })
    const id = newResourceId()
    const now = new Date(clock.now()).toISOString()
    store.run(
      `INSERT INTO cl_customer_payment_sources (id, customer_id, payment_method_id, payment_source_type,
         payment_source_id, customer_token, payment_source_token, name, created_at, updated_at, metadata)
       SELECT ?, customer_id, payment_method_id, payment_source_type, payment_source_id, customer_token,
         payment_source_token, name, ?, ?, metadata
       FROM cl_customer_payment_sources WHERE id = ?`,
      id,
      now,
      now,
      original.id,
    )
    ctx.send(201, { id })
  })
}
