import { z } from 'zod'
import { AuthError, requestToken, type TokenResponse } from '@/lib/commerce-layer/token'
import { tokensFromGrant, type CustomerTokens } from './customer-token'
import { SIGN_IN_BUSY, SIGN_IN_UNAVAILABLE, throttledSignInError } from './messages'
import { authThrottle, type createThrottle } from './throttle'

const credentialsSchema = z.object({ email: z.email().max(254), password: z.string().min(1).max(200) })

/**
 * A refusal is answered no sooner than this after the attempt began, whatever made it quick or slow (an email
 * Commerce Layer does not know may be refused faster than a wrong password): the shop's answer times say nothing
 * about which emails have accounts.
 */
export const REFUSAL_FLOOR_MS = 600

export type SignedInUser = { id: string; email: string; tokens: CustomerTokens }

type Deps = {
  passwordGrant: (email: string, password: string) => Promise<TokenResponse>
  throttle: ReturnType<typeof createThrottle>
  refusalFloorMs: number
}

const defaults: Deps = {
  passwordGrant: (email, password) => requestToken({ grant_type: 'password', username: email, password }),
  throttle: authThrottle,
  refusalFloorMs: REFUSAL_FLOOR_MS,
}

/**
 * The Credentials provider's `authorize`: trades an email and password for the customer's Commerce Layer tokens.
 * Null for wrong credentials; an Error whose message is the code the sign-in form explains (throttled, busy,
 * unavailable) when the shop cannot or will not ask.
 */
export async function signInWithPassword(
  credentials: unknown,
  client: string,
  deps: Partial<Deps> = {},
): Promise<SignedInUser | null> {
  const { passwordGrant, throttle, refusalFloorMs } = { ...defaults, ...deps }
  const started = performance.now()
  const refuse = async () => {
    const left = refusalFloorMs - (performance.now() - started)
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left))
    return null
  }

  const input = credentialsSchema.safeParse(credentials)
  if (!input.success) return refuse()
  const email = input.data.email.toLowerCase()

  const waitMs = await throttle.signInWait(email, client)
  if (waitMs > 0) throw new Error(throttledSignInError(waitMs / 1000))

  try {
    const tokens = tokensFromGrant(await passwordGrant(email, input.data.password), email)
    await throttle.signInSucceeded(email)
    return { id: tokens.customerId, email, tokens }
  } catch (error) {
    // Commerce Layer's rate limit is the shop being busy, never a wrong password.
    if (error instanceof AuthError && error.status === 429) throw new Error(SIGN_IN_BUSY)
    if (error instanceof AuthError && error.status < 500) {
      await throttle.signInRefused(email, client)
      return refuse()
    }
    // Anything else means the store could not be asked, which the form must not present as a wrong password.
    console.error('Sign-in failed:', error)
    throw new Error(SIGN_IN_UNAVAILABLE)
  }
}
