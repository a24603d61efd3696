/** Shared by the server (next-auth options) and the sign-in form: the error code for "the store is down". */
export const SIGN_IN_UNAVAILABLE = 'StoreUnavailable'

/** `?reason=` values /signin explains to a shopper who was sent there. */
export const SIGN_IN_REASONS = {
  expired: 'Your session has ended. Please sign in again.',
  account: 'Please sign in to see your account.',
  checkout: 'Please sign in to use your saved Klarna.',
} as const
