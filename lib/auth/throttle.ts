import { createHash } from 'node:crypto'
import { sharedStore, type SharedStore } from '@/lib/security/shared-store'

/**
 * Sign-in and sign-up, throttled per account and per client with sliding windows. Every password grant leaves
 * from the shop's own address and Commerce Layer allows 30 token requests a minute per address, so a brute force
 * through the shop would both guess passwords and lock every shopper out: past a limit the shop answers "try again
 * in N s" itself, without asking Commerce Layer. Counters live in the shared store (Redis with REDIS_URL).
 */

export type ThrottleRule = { limit: number; windowMs: number }

/** Refused sign-ins per email, and per client (one address trying many emails). */
export const SIGN_IN_FAILURES_PER_EMAIL: ThrottleRule = { limit: 5, windowMs: 60_000 }
export const SIGN_IN_FAILURES_PER_CLIENT: ThrottleRule = { limit: 20, windowMs: 60_000 }
/** Every sign-up costs Commerce Layer requests and can probe which emails exist: attempts per client. */
export const SIGN_UPS_PER_CLIENT: ThrottleRule = { limit: 10, windowMs: 60_000 }

type Counter = { key: string; rule: ThrottleRule }

/** Emails and addresses are kept hashed: the store holds no personal data in the clear. */
const counterKey = (kind: string, value: string) =>
  `${kind}:${createHash('sha256').update(value.trim().toLowerCase()).digest('base64url')}`

export function createThrottle(store: () => SharedStore = sharedStore, now: () => number = Date.now) {
  /** Milliseconds until every counter is under its limit again; 0 when none is at it. */
  async function waitFor(counters: readonly Counter[]): Promise<number> {
    let wait = 0
    const at = now()
    for (const { key, rule } of counters) {
      const times = await store().recent(key, at, rule.windowMs)
      if (times.length >= rule.limit) {
        // The window slides: the count drops under the limit when the oldest event that keeps it there leaves.
        const freeingEvent = times[times.length - rule.limit] as number
        wait = Math.max(wait, freeingEvent + rule.windowMs - at)
      }
    }
    return wait
  }

  async function count(counters: readonly Counter[]): Promise<void> {
    const at = now()
    for (const { key, rule } of counters) await store().hit(key, at, rule.windowMs)
  }

  const signInCounters = (email: string, client: string): Counter[] => [
    { key: counterKey('sign-in:email', email), rule: SIGN_IN_FAILURES_PER_EMAIL },
    { key: counterKey('sign-in:client', client), rule: SIGN_IN_FAILURES_PER_CLIENT },
  ]
  const signUpCounters = (client: string): Counter[] => [
    { key: counterKey('sign-up:client', client), rule: SIGN_UPS_PER_CLIENT },
  ]

  return {
    /** Before asking Commerce Layer: ms to wait, or 0. */
    signInWait: (email: string, client: string) => waitFor(signInCounters(email, client)),
    signInRefused: (email: string, client: string) => count(signInCounters(email, client)),
    /** A right password clears the account's count (not the client's: it may be trying many accounts). */
    signInSucceeded: (email: string) => store().clear(counterKey('sign-in:email', email)),
    /** Counts the attempt when it may go ahead; ms to wait otherwise. */
    async signUpAttempt(client: string): Promise<number> {
      const wait = await waitFor(signUpCounters(client))
      if (wait === 0) await count(signUpCounters(client))
      return wait
    },
  }
}

export const authThrottle = createThrottle()
