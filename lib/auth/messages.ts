import { STORE_BUSY, STORE_UNAVAILABLE } from '@/lib/messages'

/** Shared by the server (next-auth options) and the sign-in form: the error code for "the store is down". */
export const SIGN_IN_UNAVAILABLE = 'StoreUnavailable'

/** Commerce Layer answered 429: said as such, never as a wrong password. */
export const SIGN_IN_BUSY = 'StoreBusy'

/** Too many refused attempts: next-auth passes the error code on, so the wait rides along (`TooManyAttempts:42`). */
const THROTTLED_PREFIX = 'TooManyAttempts:'

export function throttledSignInError(retryAfterSeconds: number): string {
  return `${THROTTLED_PREFIX}${Math.max(1, Math.ceil(retryAfterSeconds))}`
}

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  return `Too many attempts, try again in ${Math.max(1, Math.ceil(retryAfterSeconds))} s.`
}

/** What the sign-in form says for next-auth's error code. */
export function signInErrorMessage(code: string | null | undefined): string {
  if (code === SIGN_IN_UNAVAILABLE) return STORE_UNAVAILABLE
  if (code === SIGN_IN_BUSY) return STORE_BUSY
  if (code?.startsWith(THROTTLED_PREFIX))
    return tooManyAttemptsMessage(Number(code.slice(THROTTLED_PREFIX.length)) || 60)
  return 'Email or password is incorrect'
}

/** `?reason=` values /signin explains to a shopper who was sent there. */
const SIGN_IN_REASONS = new Map<string, string>([
  ['expired', 'Your session has ended. Please sign in again.'],
  ['account', 'Please sign in to see your account.'],
  ['checkout', 'Please sign in to use your saved Klarna.'],
])

/** The notice for a `?reason=`; any other value (`constructor`, `__proto__`) has none. */
export function signInReason(reason: string | string[] | undefined): string | undefined {
  return typeof reason === 'string' ? SIGN_IN_REASONS.get(reason) : undefined
}
