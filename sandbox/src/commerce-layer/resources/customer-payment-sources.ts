import { z } from 'zod'
import { customerOwned } from '../access'
import { nowIso } from '../api'
import { writeCommonFields } from './writes'
import { belongsTo, polymorphic } from '../jsonapi/relationships'
import { attr } from '../jsonapi/resource'
import { KlarnaError } from '../klarna-adapter'
import { klarnaRefusal } from '../klarna-refusal'
import { gatewayCredentials } from '../orders/klarna-order-data'
import type { ResourceDef, Row } from '../api'

/**
 * The wallet. Attributes and relationships are those of the `included` entry in reusing-the-payment-source.txt, in
 * its order, and the `payment_method` of the resource's schema, which Commerce Layer's components include. A customer reads, updates (reference, metadata) and deletes its own
 * sources; sources are created by `_save_payment_source_to_customer_wallet`, never directly (as for sales channels).
 */
export const customerPaymentSources: ResourceDef = {
  type: 'customer_payment_sources',
  table: 'cl_customer_payment_sources',
  attributes: {
    customer_token: attr.string('customer_token'),
    name: attr.string('name', { filter: true }),
    payment_source_token: attr.string('payment_source_token', { filter: true }),
    created_at: attr.datetime('created_at'),
    updated_at: attr.datetime('updated_at'),
    reference: attr.string('reference', { filter: true, sort: true }),
    metadata: attr.json('metadata', {}),
  },
  relationships: {
    customer: belongsTo('customers', 'customer_id'),
    // Commerce Layer's components include it (`available_customer_payment_sources.payment_method`).
    payment_method: belongsTo('payment_methods', 'payment_method_id'),
    payment_source: polymorphic('payment_source_type', 'payment_source_id', ['klarna_payments']),
  },
  ...customerOwned(),
  writes: {
    attributes: {
      reference: { schema: z.string().max(255).nullable(), update: true },
      metadata: { schema: z.record(z.string(), z.unknown()), update: true },
    },
    relationships: {},
  },
  update(call, row, input) {
    writeCommonFields(call, 'cl_customer_payment_sources', row.id, input.attributes)
    return call.api.store.get<Row>('SELECT * FROM cl_customer_payment_sources WHERE id = ?', row.id) as Row
  },
  /** Cancels the Klarna customer token first (already cancelled or unknown to Klarna is fine), then forgets the source. */
  async destroy(call, row) {
    const { store, klarna } = call.api
    const method = store.get<{ payment_gateway_id: string }>(
      'SELECT payment_gateway_id FROM cl_payment_methods WHERE id = ?',
      row.payment_method_id,
    )
    if (method) {
      try {
        await klarna.cancelCustomerToken(
          gatewayCredentials(store, method.payment_gateway_id),
          row.payment_source_token as string,
        )
      } catch (error) {
        const gone = error instanceof KlarnaError && (error.status === 404 || error.code === 'TOKEN_CANCELLED')
        if (!gone) throw klarnaRefusal(error, 'payment_source_token')
      }
    }
    store.transaction(() => {
      store.run(
        'UPDATE cl_klarna_payments SET wallet_source_id = NULL, updated_at = ? WHERE wallet_source_id = ?',
        nowIso(call.api),
        row.id,
      )
      store.run('DELETE FROM cl_customer_payment_sources WHERE id = ?', row.id)
    })
  },
}
