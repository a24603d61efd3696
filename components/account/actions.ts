'use server'

import { cookies, headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { failed, succeeded, type ActionResult } from '@/components/ui/action-state'
import { startNewApiLog } from '@/lib/api-log/browser-cookie'
import { endCustomerSession } from '@/lib/auth/ended-sessions'
import { tooManyAttemptsMessage } from '@/lib/auth/messages'
import { currentCustomer } from '@/lib/auth/session'
import { sessionCookieName, usesSecureCookies } from '@/lib/auth/session-cookie'
import { authThrottle } from '@/lib/auth/throttle'
import { clientAddress } from '@/lib/client-address'
import { commerceLayerClient } from '@/lib/commerce-layer/client'
import { adoptOrder, createCustomer } from '@/lib/commerce-layer/customers'
import { describeCommerceLayerError } from '@/lib/commerce-layer/errors'
import { AuthError, getSalesChannelToken } from '@/lib/commerce-layer/token'
import { emailSchema } from '@/lib/email'
import { FIX_HIGHLIGHTED_FIELDS, STORE_BUSY, STORE_UNAVAILABLE } from '@/lib/messages'
import { clearCartId, readCartId } from '@/lib/shopper'

export type SignUpField = 'email' | 'password' | 'confirmPassword'

const signUpSchema = z
  .object({
    email: emailSchema,
    password: z.string().min(8, 'Use at least 8 characters.').max(72, 'Use at most 72 characters.'),
    confirmPassword: z.string(),
  })
  .refine((input) => input.password === input.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The passwords do not match.',
  })

/** Creates a Commerce Layer customer with the sales channel's token. The form then signs the shopper in. */
export async function signUpAction(
  _previous: ActionResult<SignUpField>,
  formData: FormData,
): Promise<ActionResult<SignUpField>> {
  const email = String(formData.get('email') ?? '')
    .trim()
    .toLowerCase()
  const input = signUpSchema.safeParse({
    email,
    password: formData.get('password') ?? '',
    confirmPassword: formData.get('confirmPassword') ?? '',
  })
  if (!input.success) {
    const fieldErrors: NonNullable<ActionResult<SignUpField>['fieldErrors']> = {}
    for (const issue of input.error.issues) {
      const field = issue.path[0] as SignUpField
      fieldErrors[field] ??= issue.message
    }
    return failed(FIX_HIGHLIGHTED_FIELDS, { fieldErrors, values: { email } })
  }

  // Throttled per client: each attempt costs Commerce Layer requests and tells whether an email has an account.
  const waitMs = await authThrottle.signUpAttempt(clientAddress((await headers()).get('x-forwarded-for')))
  if (waitMs > 0) {
    return failed(tooManyAttemptsMessage(waitMs / 1000), { values: { email } })
  }

  try {
    await createCustomer(commerceLayerClient(await getSalesChannelToken()), input.data.email, input.data.password)
  } catch (error) {
    const problem = describeCommerceLayerError(error)
    if (problem?.status === 429 || (error instanceof AuthError && error.status === 429)) {
      return failed(STORE_BUSY, { values: { email } })
    }
    if (problem?.status === 422 && problem.attribute === 'email') {
      return failed(FIX_HIGHLIGHTED_FIELDS, {
        fieldErrors: { email: 'An account with this email already exists. Sign in instead?' },
        values: { email },
      })
    }
    if (problem?.status === 422 && problem.attribute === 'password') {
      return failed(FIX_HIGHLIGHTED_FIELDS, {
        fieldErrors: { password: 'Choose a stronger password.' },
        values: { email },
      })
    }
    console.error('Sign-up failed:', error)
    return failed(STORE_UNAVAILABLE, { values: { email } })
  }
  return succeeded('Account created. Signing you in…', { values: { email } })
}

/**
 * Right after sign-in: the guest cart becomes the customer's order, because Commerce Layer attaches an order
 * to the customer whose token touches it. A cart that cannot be adopted (another customer's, placed) is dropped.
 */
export async function adoptGuestCartAction(): Promise<void> {
  const customer = await currentCustomer()
  const cartId = await readCartId()
  if (!customer || !cartId) return
  try {
    await adoptOrder(commerceLayerClient(customer.accessToken), cartId, customer.email)
  } catch (error) {
    const problem = describeCommerceLayerError(error)
    if (problem && problem.status < 500) await clearCartId()
    else console.error('Could not attach the cart to the customer:', error)
  }
}

/**
 * Signs out without any client code. The session is a JWT in next-auth's cookie, so deleting the cookie (every
 * chunk of it) is not enough: a copy of it would still work. The customer's Commerce Layer tokens are revoked and
 * the session remembered as ended first (lib/auth/ended-sessions.ts). The cart was the customer's; the guest who
 * remains starts a new one.
 */
export async function signOutAction(): Promise<void> {
  const customer = await currentCustomer()
  if (customer) await endCustomerSession(customer)
  const store = await cookies()
  const name = sessionCookieName(usesSecureCookies())
  for (const cookie of store.getAll()) {
    if (cookie.name === name || cookie.name.startsWith(`${name}.`)) store.delete(cookie.name)
  }
  await clearCartId()
  // Whoever uses this browser next starts a Developer panel log of their own (lib/api-log).
  startNewApiLog(store)
  redirect('/')
}
