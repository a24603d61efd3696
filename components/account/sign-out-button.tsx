'use client'

import { signOut } from 'next-auth/react'
import { useTransition } from 'react'
import { forgetCartAction } from './actions'

export function SignOutButton() {
  const [pending, startTransition] = useTransition()
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await forgetCartAction()
          await signOut({ callbackUrl: '/' })
        })
      }
      className="rounded-full px-3 py-2 text-sm font-medium hover:bg-stone-100 disabled:text-stone-400"
    >
      {pending ? 'Signing out…' : 'Sign out'}
    </button>
  )
}
