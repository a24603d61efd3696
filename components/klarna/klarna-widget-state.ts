import type { ActionResult } from '@/components/ui/action-state'
import type { KlarnaAuthorizeData, KlarnaCategory } from '@/lib/commerce-layer/klarna'
import type { KlarnaAuthorizeResponse, KlarnaPayments } from './klarna-library'

/**
 * The Klarna widget's states and every way between them, in one place (React-free, so each transition is
 * unit-tested). Klarna's SDK reference decides the shape: "Pay with Klarna" is enabled only once `load` answered
 * `show_form: true`; `show_form: false` (from `load` or `authorize`) greys Klarna out with a sentence; a thrown
 * call or an unloadable library says so; no state waits for something that cannot come.
 */

/** The order's Klarna session, as the server prepared it for the widget. */
export type KlarnaSession = { clientToken: string; category: KlarnaCategory; authorizeData: KlarnaAuthorizeData }
/** The order Klarna paid for, and whether saving Klarna to the wallet afterwards failed. */
export type KlarnaPlacedOrder = { orderId: string; walletSaveFailed: boolean }

/**
 * The server actions the widget calls; checkout owns them (they work on its order) and hands them in, so
 * the Klarna feature never reaches into checkout's files.
 */
export type KlarnaActions = {
  prepareSession: () => Promise<ActionResult<never, KlarnaSession>>
  pay: (input: { authorizationToken: string; saveToWallet: boolean }) => Promise<ActionResult<never, KlarnaPlacedOrder>>
}

/** A session whose widget Klarna's library has loaded. */
export type ReadySession = KlarnaSession & { payments: KlarnaPayments }

export type KlarnaWidgetState =
  /** Asking the server for the order's session, loading Klarna's library, waiting for `load`'s answer. */
  | { name: 'preparing'; key: string | null; message: string }
  | { name: 'ready'; key: string; session: ReadySession; message: string }
  /** Klarna's dialog is open (or Klarna is finalizing); the button waits for its callback. */
  | { name: 'authorizing'; key: string; session: ReadySession; message: string }
  | { name: 'placing'; key: string; session: ReadySession; message: string }
  /** Klarna refused for good (`show_form: false`): Klarna greyed out, other ways to pay stay. */
  | { name: 'refused'; key: string; message: string }
  /** The store or Klarna's library could not give a session: a sentence instead of the widget. */
  | { name: 'unavailable'; key: string; message: string }

export type KlarnaWidgetEvent =
  | { type: 'session-refused'; key: string; message: string }
  | { type: 'loaded'; key: string; showForm: boolean; session: ReadySession }
  | { type: 'load-failed'; key: string }
  | { type: 'pay-pressed' }
  | { type: 'authorize-threw' }
  | { type: 'authorized'; response: KlarnaAuthorizeResponse }
  | { type: 'placing-answered'; result: ActionResult<never, KlarnaPlacedOrder> }

export const initialKlarnaWidgetState: KlarnaWidgetState = { name: 'preparing', key: null, message: '' }

export const KLARNA_REFUSED = "Klarna can't be used for this order. Your cart is still here."
export const KLARNA_NOT_LOADED = "Klarna couldn't be loaded. Please check your connection and reload the page."
export const KLARNA_DIALOG_FAILED = "Klarna's dialog couldn't open. Reload the page to try again, or pay another way."

/** Klarna's names for the fields it refuses, in the words of the form above. */
const FIELD_NAMES: Record<string, string> = {
  'billing_address.email': 'email address',
  'billing_address.phone': 'phone number',
  'billing_address.postal_code': 'billing postal code',
  'billing_address.street_address': 'billing street address',
  'billing_address.given_name': 'first name',
  'billing_address.family_name': 'last name',
  'shipping_address.postal_code': 'shipping postal code',
}

export function describeInvalidFields(fields: string[]): string {
  const names = fields.map((field) => FIELD_NAMES[field] ?? field.replaceAll('_', ' ').replace('.', ' '))
  return `Klarna needs a valid ${names.join(' and ')}. Please correct it above, then pay again.`
}

export function klarnaWidgetReducer(state: KlarnaWidgetState, event: KlarnaWidgetEvent): KlarnaWidgetState {
  switch (event.type) {
    // Answers about a session belong to the session (key) they were asked for; a late one for another is dropped.
    case 'session-refused':
      return { name: 'unavailable', key: event.key, message: event.message }
    case 'load-failed':
      return { name: 'unavailable', key: event.key, message: KLARNA_NOT_LOADED }
    case 'loaded':
      return event.showForm
        ? { name: 'ready', key: event.key, session: event.session, message: '' }
        : { name: 'refused', key: event.key, message: KLARNA_REFUSED }
    case 'pay-pressed':
      return state.name === 'ready' ? { ...state, name: 'authorizing', message: '' } : state
    case 'authorize-threw':
      return state.name === 'authorizing'
        ? { name: 'unavailable', key: state.key, message: KLARNA_DIALOG_FAILED }
        : state
    case 'authorized': {
      if (state.name !== 'authorizing') return state
      const { response } = event
      if (response.approved && response.authorization_token) return { ...state, name: 'placing' }
      // `finalize_required` without a token: the component calls `finalize`, whose callback comes back here.
      if (response.approved && response.finalize_required) return state
      if (!response.show_form) return { name: 'refused', key: state.key, message: KLARNA_REFUSED }
      // A closed dialog changes nothing; a fixable refusal names what to fix.
      const invalid = response.error?.invalid_fields ?? []
      return { ...state, name: 'ready', message: invalid.length ? describeInvalidFields(invalid) : '' }
    }
    case 'placing-answered': {
      if (state.name !== 'placing') return state
      const { result } = event
      if (result.status === 'success' && result.data) return state // the page is going to the confirmation
      // A new session is needed: the page refreshes the order, whose new key makes the widget open one.
      if (result.next === 'authorize-again') return { name: 'preparing', key: state.key, message: result.message }
      return { ...state, name: 'ready', message: result.message }
    }
  }
}

export type KlarnaWidgetView =
  { name: 'waiting' } | Exclude<KlarnaWidgetState, { name: 'preparing' }> | { name: 'preparing'; message: string }

/**
 * What the shopper sees: "waiting" while the details above are incomplete, "preparing" while the state belongs
 * to an earlier version of the order (its key), else the state itself.
 */
export function klarnaWidgetView(
  state: KlarnaWidgetState,
  { detailsComplete, sessionKey }: { detailsComplete: boolean; sessionKey: string },
): KlarnaWidgetView {
  if (!detailsComplete) return { name: 'waiting' }
  if (state.name === 'preparing') return { name: 'preparing', message: state.message }
  if (state.key !== sessionKey) return { name: 'preparing', message: '' }
  return state
}
