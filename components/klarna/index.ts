// What other features use of Klarna's widget; everything else in this folder is its own.
export { KlarnaCheckout, type KlarnaActions, type KlarnaPlacedOrder, type KlarnaSession } from './klarna-checkout'
