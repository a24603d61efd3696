import { orderById } from './rows'
import { newResourceId } from '../../ids'
import { nowIso, type ApiCall } from '../api'
import { invalid, validationError } from '../jsonapi/errors'
import { klarnaRefusal } from '../klarna-refusal'
import { availablePaymentMethods } from './availability'
import { nullifyPaymentSource } from './editing'
import { gatewayCredentials, klarnaOrderData } from './klarna-order-data'
import type { KlarnaPaymentRow, OrderRow } from './rows'

const SAVE = '_save_payment_source_to_customer_wallet'
const USE = '_customer_payment_source_id'

/** Klarna's customer token payment method types, named as Klarna names its payment categories. */
const CATEGORY_NAMES: Record<string, string> = {
  INVOICE: 'Pay later',
  FIXED_AMOUNT: 'Pay over time',
  DIRECT_DEBIT: 'Pay now',
  CARD: 'Pay now',
}

/** "r•••@example.com": enough for the shopper to recognise, not enough to read off a screen. */
export function maskedEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@')
  return `${local.slice(0, 1)}•••@${domain}`
}

/** "Klarna · Pay later · r•••@example.com" */
export const savedSourceName = (paymentMethodType: string | undefined, email: string) =>
  `Klarna · ${CATEGORY_NAMES[paymentMethodType ?? ''] ?? 'Pay with Klarna'} · ${maskedEmail(email)}`

function currentKlarnaPayment(call: ApiCall, order: OrderRow): KlarnaPaymentRow | undefined {
  if (order.payment_source_type !== 'klarna_payments' || !order.payment_source_id) return undefined
  return call.api.store.get<KlarnaPaymentRow>('SELECT * FROM cl_klarna_payments WHERE id = ?', order.payment_source_id)
}

/**
 * `_save_payment_source_to_customer_wallet`: turns the order's authorized Klarna payment into a Klarna customer
 * token (the authorization was opened with `buy_and_tokenize`) and keeps it as a customer payment source.
 * Saving again is a no-op, and two saves at once share one Klarna call: the wallet gets exactly one entry.
 */
export async function saveToWallet(call: ApiCall, orderId: string): Promise<void> {
  const { store } = call.api
  const order = orderById(store, orderId)
  if (!order.customer_id) {
    throw validationError(
      invalid(SAVE, "needs an order with a customer: a guest's payment source cannot be saved to a wallet", 'guest'),
    )
  }
  const payment = currentKlarnaPayment(call, order)
  if (!payment)
    throw validationError(invalid(SAVE, 'needs the order to have a Klarna payment source', 'no_payment_source'))
  if (payment.wallet_source_id || payment.customer_payment_source_id) return
  if (!payment.auth_token) {
    throw validationError(
      invalid(SAVE, "needs the Klarna payment's auth_token: authorize with Klarna and send it first", 'no_auth_token'),
    )
  }
  if (payment.intent !== 'buy_and_tokenize') {
    throw validationError(
      invalid(
        SAVE,
        'cannot save this payment: its Klarna session was opened for a guest (intent buy); create the Klarna payment again now that the order has a customer',
        'not_tokenizable',
      ),
    )
  }
  const key = `wallet:${payment.id}`
  const inFlight = call.api.inFlight.get(key)
  if (inFlight) return void (await inFlight)
  const saving = createWalletEntry(call, order, payment, order.customer_id)
  call.api.inFlight.set(key, saving)
  try {
    await saving
  } finally {
    call.api.inFlight.delete(key)
  }
}

async function createWalletEntry(
  call: ApiCall,
  order: OrderRow,
  payment: KlarnaPaymentRow,
  customerId: string,
): Promise<void> {
  const { store, klarna } = call.api
  const credentials = gatewayCredentials(store, payment.payment_gateway_id)
  const data = klarnaOrderData(store, order)
  const email = order.customer_email ?? ''
  let token
  try {
    token = await klarna.createCustomerToken(credentials, payment.auth_token as string, {
      purchase_country: data.purchase_country,
      purchase_currency: data.purchase_currency,
      locale: data.locale,
      description: `Saved Klarna payment method of ${email}`,
      ...(data.billing_address ? { billing_address: data.billing_address } : {}),
    })
  } catch (error) {
    throw klarnaRefusal(error, SAVE)
  }
  // The token's payment method names the saved source; if Klarna cannot say, the source is still worth saving.
  const paymentMethodType = await klarna.readCustomerToken(credentials, token.token_id).then(
    (status) => status.payment_method_type,
    () => undefined,
  )
  store.transaction(() => {
    const now = nowIso(call.api)
    // One source per customer and Klarna token: a save repeated (or concurrent: this transaction is atomic) adds none.
    store.run(
      `INSERT INTO cl_customer_payment_sources (id, customer_id, payment_method_id, payment_source_type, payment_source_id,
         customer_token, payment_source_token, name, created_at, updated_at)
       SELECT ?, ?, ?, 'klarna_payments', ?, ?, ?, ?, ?, ?
       WHERE NOT EXISTS (SELECT 1 FROM cl_customer_payment_sources WHERE customer_id = ? AND payment_source_token = ?)`,
      newResourceId(),
      customerId,
      order.payment_method_id,
      payment.id,
      token.payment_method_reference ?? null,
      token.token_id,
      savedSourceName(paymentMethodType, token.billing_address?.email ?? email),
      now,
      now,
      customerId,
      token.token_id,
    )
    const saved = store.get<{ id: string }>(
      `SELECT id FROM cl_customer_payment_sources WHERE customer_id = ? AND payment_source_token = ?
       ORDER BY created_at, id LIMIT 1`,
      customerId,
      token.token_id,
    )
    store.run('UPDATE cl_klarna_payments SET wallet_source_id = ? WHERE id = ?', saved?.id ?? null, payment.id)
  })
}

type SavedSource = {
  id: string
  customer_id: string
  payment_method_id: string | null
  payment_source_id: string | null
  payment_source_token: string
}

/**
 * What a payment made with a saved source pays with, known before placing (clients show it beside the source):
 * the instrument of the payment the source was saved from, else just Klarna.
 */
function savedInstrument(call: ApiCall, source: SavedSource): Record<string, unknown> {
  const saved = source.payment_source_id
    ? call.api.store.get<{ payment_instrument: string | null }>(
        'SELECT payment_instrument FROM cl_klarna_payments WHERE id = ?',
        source.payment_source_id,
      )
    : undefined
  const instrument = saved?.payment_instrument ? (JSON.parse(saved.payment_instrument) as unknown) : null
  return instrument && typeof instrument === 'object'
    ? (instrument as Record<string, unknown>)
    : { issuer_type: 'klarna', payment_method_type: null }
}

/**
 * `_customer_payment_source_id`: pays the order with a saved source of the order's own customer. The order gets
 * the source's payment method and a Klarna payment bound to the customer token, ready to place with no widget.
 * Any other id, another customer's included, answers the same 422 as one that does not exist.
 */
export function useSavedSource(call: ApiCall, order: OrderRow, sourceId: string): void {
  const { store } = call.api
  const notFound = () =>
    validationError(invalid(USE, "matches no saved payment source of this order's customer", 'not_found'))
  const source = order.customer_id
    ? store.get<SavedSource>(
        'SELECT * FROM cl_customer_payment_sources WHERE id = ? AND customer_id = ?',
        sourceId,
        order.customer_id,
      )
    : undefined
  if (!source) throw notFound()
  const method = (availablePaymentMethods(call.api, [order]).get(order.id) ?? []).find(
    (candidate) => candidate.id === source.payment_method_id,
  )
  if (!method)
    throw validationError(invalid(USE, 'is saved for a payment method this order cannot use', 'not_available'))
  const now = nowIso(call.api)
  nullifyPaymentSource(call, order.id)
  const paymentId = newResourceId()
  store.run(
    `INSERT INTO cl_klarna_payments (id, order_id, payment_gateway_id, klarna_customer_token, customer_payment_source_id,
       payment_instrument, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    paymentId,
    order.id,
    method.payment_gateway_id,
    source.payment_source_token,
    source.id,
    JSON.stringify(savedInstrument(call, source)),
    now,
    now,
  )
  store.run(
    "UPDATE cl_orders SET payment_method_id = ?, payment_source_type = 'klarna_payments', payment_source_id = ?, updated_at = ? WHERE id = ?",
    method.id,
    paymentId,
    now,
    order.id,
  )
}
