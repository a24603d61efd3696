'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { signIn } from 'next-auth/react'
import { useState, useTransition } from 'react'
import { Spinner } from '@/components/ui/spinner'
import { StatusMessage } from '@/components/ui/status-message'
import { TextField } from '@/components/ui/text-field'
import { SIGN_IN_UNAVAILABLE } from '@/lib/auth/messages'
import { STORE_UNAVAILABLE } from '@/lib/messages'
import { adoptGuestCartAction } from './actions'

/** Signs in through next-auth's credentials provider, keeps the guest cart, and returns where the shopper was. */
export function SignInForm({ callbackPath, notice }: { callbackPath: string; notice?: string }) {
  const router = useRouter()
  const [error, setError] = useState('')
  const [pending, startTransition] = useTransition()

  function submit(formData: FormData) {
    setError('')
    startTransition(async () => {
      const result = await signIn('credentials', {
        email: String(formData.get('email') ?? ''),
        password: String(formData.get('password') ?? ''),
        redirect: false,
      })
      if (!result?.ok) {
        setError(result?.error === SIGN_IN_UNAVAILABLE ? STORE_UNAVAILABLE : 'Email or password is incorrect')
        return
      }
      await adoptGuestCartAction()
      router.replace(callbackPath)
      router.refresh()
    })
  }

  return (
    <form action={submit} className="space-y-4" noValidate>
      {notice && <p className="rounded-xl bg-amber-50 p-3 text-sm text-amber-900">{notice}</p>}
      <TextField label="Email" name="email" type="email" autoComplete="email" required />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <button
        type="submit"
        disabled={pending}
        className="flex h-12 w-full items-center justify-center gap-2 rounded-full bg-brand text-sm font-semibold text-white hover:bg-brand-dark disabled:bg-stone-400"
      >
        {pending && <Spinner />}
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
      <StatusMessage status={error ? 'error' : 'idle'} message={error} />
      <p className="text-sm text-ink-soft">
        New here?{' '}
        <Link
          href={`/signup?callbackUrl=${encodeURIComponent(callbackPath)}`}
          className="font-medium text-ink underline underline-offset-4"
        >
          Create an account
        </Link>
      </p>
    </form>
  )
}
