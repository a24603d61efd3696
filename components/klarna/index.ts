// What other features use of Klarna's widget; everything else in this folder is its own.
export { KlarnaCheckout } from './klarna-checkout'
export { KlarnaMessaging } from './klarna-messaging'
export type { KlarnaActions, KlarnaPlacedOrder, KlarnaSession } from './klarna-widget-state'
