/**
 * The sentences a shopper reads when something did not work, written once. Each says what happened and what
 * to do next; the end-to-end tests read them as a shopper would.
 */

export const STORE_UNAVAILABLE = 'The store is unavailable right now, please try again.'
export const CART_GONE = 'Your cart is empty or was already checked out.'
export const FIX_HIGHLIGHTED_FIELDS = 'Please correct the highlighted fields.'
export const CHOOSE_QUANTITY = 'Choose a quantity between 1 and 99.'
export const LINE_GONE = 'That item is no longer in your cart.'
export const NOT_IN_WALLET = 'That saved payment method is not in your wallet.'
export const KLARNA_NOT_FOR_THIS_ORDER = "Klarna can't be used for this order."
export const ENTER_EMAIL = 'Enter an email address like name@example.com.'
export const EMAIL_TOO_LONG = 'That email address is too long.'
