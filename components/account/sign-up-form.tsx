'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { signIn } from 'next-auth/react'
import { useActionState, useEffect, useRef, useState } from 'react'
import { IDLE, type ActionResult } from '@/components/ui/action-state'
import { StatusMessage } from '@/components/ui/status-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { TextField } from '@/components/ui/text-field'
import { adoptGuestCartAction, signUpAction, type SignUpField } from './actions'

/** Creates the account (server action), then signs in with the same credentials and keeps the guest cart. */
export function SignUpForm({ callbackPath }: { callbackPath: string }) {
  const router = useRouter()
  const [state, formAction] = useActionState<ActionResult<SignUpField>, FormData>(signUpAction, IDLE)
  const password = useRef('')
  const [signInError, setSignInError] = useState('')

  useEffect(() => {
    const email = state.values?.email
    if (state.status !== 'success' || !email) return
    let cancelled = false
    void (async () => {
      const result = await signIn('credentials', {
        email,
        password: password.current,
        redirect: false,
      })
      if (cancelled) return
      if (!result?.ok) {
        setSignInError('Your account was created, but signing in failed. Please sign in.')
        return
      }
      await adoptGuestCartAction()
      router.replace(callbackPath)
      router.refresh()
    })()
    return () => {
      cancelled = true
    }
  }, [state, callbackPath, router])

  const message = signInError || state.message
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={state.fieldErrors?.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        hint="At least 8 characters."
        error={state.fieldErrors?.password}
        onChange={(event) => {
          password.current = event.target.value
        }}
      />
      <TextField
        label="Confirm password"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        error={state.fieldErrors?.confirmPassword}
      />
      <SubmitButton pendingLabel="Creating account…" className="h-12 w-full" disabled={state.status === 'success'}>
        Create account
      </SubmitButton>
      <StatusMessage status={signInError ? 'error' : state.status} message={message} />
      <p className="text-sm text-ink-soft">
        Already have an account?{' '}
        <Link
          href={`/signin?callbackUrl=${encodeURIComponent(callbackPath)}`}
          className="font-medium text-ink underline underline-offset-4"
        >
          Sign in
        </Link>
      </p>
    </form>
  )
}
