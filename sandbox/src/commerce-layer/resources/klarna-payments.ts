import { z } from 'zod'
import { newResourceId } from '../../ids'
import { canSeeOrder, orderChild } from '../access'
import { nowIso, type ApiCall } from '../api'
import { commonWrites, trigger, writeCommonFields } from './writes'
import { errors, invalid, relationshipPointer, validationError } from '../jsonapi/errors'
import { belongsTo } from '../jsonapi/relationships'
import { attr, commonAttributes } from '../jsonapi/resource'
import { klarnaRefusal } from '../klarna-refusal'
import { nullifyPaymentSource, orderForChange } from '../orders/editing'
import { gatewayCredentials, klarnaOrderData } from '../orders/klarna-order-data'
import { findOrder, orderById } from '../orders/rows'
import type { ResourceDef, Row } from '../api'
import type { KlarnaSessionRequest } from '../klarna-adapter'
import type { KlarnaPaymentRow, OrderRow, PaymentMethodRow } from '../orders/rows'

const orderPointer = relationshipPointer('order')

/** The order's Klarna payment method, which a Klarna payment needs (its gateway holds the merchant's credentials). */
function klarnaMethodOf(call: ApiCall, order: OrderRow): PaymentMethodRow {
  const method = order.payment_method_id
    ? call.api.store.get<PaymentMethodRow>('SELECT * FROM cl_payment_methods WHERE id = ?', order.payment_method_id)
    : undefined
  if (!method || method.payment_source_type !== 'klarna_payments') {
    throw validationError(
      invalid(
        'order',
        'needs a payment method whose payment_source_type is klarna_payments',
        'no_klarna_payment_method',
        orderPointer,
      ),
    )
  }
  return method
}

/** The session as Commerce Layer opens it: the order's data, and a customer token allowed when there is a customer. */
export function sessionRequest(call: ApiCall, order: OrderRow): KlarnaSessionRequest {
  const skuLines = call.api.store.get<{ count: number }>(
    "SELECT COUNT(*) AS count FROM cl_line_items WHERE order_id = ? AND item_type = 'skus'",
    order.id,
  )
  if (!skuLines?.count) throw validationError(invalid('order', 'has no line items to pay for', 'empty', orderPointer))
  return { ...klarnaOrderData(call.api.store, order), intent: order.customer_id ? 'buy_and_tokenize' : 'buy' }
}

const orderOfPayment = (call: ApiCall, payment: Row) => orderById(call.api.store, String(payment.order_id))

const paymentById = (call: ApiCall, id: string) =>
  call.api.store.get<KlarnaPaymentRow>('SELECT * FROM cl_klarna_payments WHERE id = ?', id) as KlarnaPaymentRow

export const klarnaPayments: ResourceDef = {
  type: 'klarna_payments',
  table: 'cl_klarna_payments',
  attributes: {
    session_id: attr.string('session_id'),
    client_token: attr.string('client_token'),
    payment_methods: attr.json('payment_methods', []),
    auth_token: attr.string('auth_token'),
    mismatched_amounts: attr.boolean('mismatched_amounts', { filter: true }),
    payment_instrument: attr.json('payment_instrument', null),
    ...commonAttributes(),
  },
  relationships: {
    order: belongsTo('orders', 'order_id'),
    payment_gateway: belongsTo('payment_gateways', 'payment_gateway_id'),
  },
  ...orderChild(),
  writes: {
    attributes: {
      auth_token: { schema: z.string().trim().min(1).max(255), update: true },
      _update: { schema: trigger, update: true },
      ...commonWrites,
    },
    relationships: { order: { types: ['orders'], create: true } },
  },

  /** Opens a Klarna session for the order's current total and makes this payment the order's payment source. */
  async create(call, input) {
    const reference = input.relationships.order as { id: string } | null | undefined
    if (!reference) throw validationError(invalid('order', "can't be blank", 'blank', orderPointer))
    const { store } = call.api
    const found = findOrder(store, reference.id)
    if (!found || !canSeeOrder(call, found)) throw errors.recordNotFound(reference.id, orderPointer)
    const order = store.transaction(() => orderForChange(call, found))
    const method = klarnaMethodOf(call, order)
    const request = sessionRequest(call, order)
    let session
    try {
      session = await call.api.klarna.createSession(gatewayCredentials(store, method.payment_gateway_id), request)
    } catch (error) {
      throw klarnaRefusal(error, 'order', orderPointer)
    }
    return store.transaction(() => {
      // The order may have changed while Klarna answered: check again, and let mismatched_amounts tell.
      const current = orderForChange(call, orderById(store, order.id))
      const id = newResourceId()
      const now = nowIso(call.api)
      store.run(
        `INSERT INTO cl_klarna_payments (id, order_id, payment_gateway_id, session_id, client_token, payment_methods, intent,
           session_amount_cents, mismatched_amounts, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        id,
        current.id,
        method.payment_gateway_id,
        session.session_id,
        session.client_token,
        JSON.stringify(session.payment_method_categories),
        request.intent,
        request.order_amount,
        Number(request.order_amount !== current.total_amount_cents),
        now,
        now,
      )
      writeCommonFields(call, 'cl_klarna_payments', id, input.attributes)
      nullifyPaymentSource(call, current.id)
      store.run(
        "UPDATE cl_orders SET payment_source_type = 'klarna_payments', payment_source_id = ? WHERE id = ?",
        id,
        current.id,
      )
      return paymentById(call, id)
    })
  },

  /** `auth_token` from the browser's authorize callback; `_update` sends Klarna the order as it is now. */
  async update(call, row, input) {
    const { store } = call.api
    const payment = row as KlarnaPaymentRow
    const order = store.transaction(() => orderForChange(call, orderOfPayment(call, payment)))
    if (input.attributes._update === true) {
      if (!payment.session_id) {
        throw validationError(
          invalid(
            '_update',
            'has no Klarna session to update: this payment charges a saved customer token',
            'no_session',
          ),
        )
      }
      const request = sessionRequest(call, order)
      try {
        await call.api.klarna.updateSession(
          gatewayCredentials(store, payment.payment_gateway_id),
          payment.session_id,
          request,
        )
      } catch (error) {
        throw klarnaRefusal(error, '_update')
      }
      store.run(
        'UPDATE cl_klarna_payments SET session_amount_cents = ?, intent = ?, mismatched_amounts = ?, updated_at = ? WHERE id = ?',
        request.order_amount,
        request.intent,
        Number(request.order_amount !== orderOfPayment(call, payment).total_amount_cents),
        nowIso(call.api),
        payment.id,
      )
    }
    store.transaction(() => {
      orderForChange(call, orderOfPayment(call, payment))
      if (input.attributes.auth_token !== undefined) {
        store.run(
          'UPDATE cl_klarna_payments SET auth_token = ?, updated_at = ? WHERE id = ?',
          input.attributes.auth_token,
          nowIso(call.api),
          payment.id,
        )
      }
      writeCommonFields(call, 'cl_klarna_payments', payment.id, input.attributes)
    })
    return paymentById(call, payment.id)
  },
}
