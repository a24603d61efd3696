import { redirect } from 'next/navigation'
import { SignInForm } from '@/components/account/sign-in-form'
import { safeCallbackPath } from '@/lib/auth/callback-url'
import { signInReason } from '@/lib/auth/messages'
import { currentCustomer } from '@/lib/auth/session'
import type { Metadata } from 'next'

export const metadata: Metadata = { title: 'Sign in' }

type Props = { searchParams: Promise<{ callbackUrl?: string; reason?: string }> }

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, reason } = await searchParams
  const callbackPath = safeCallbackPath(callbackUrl)
  if (await currentCustomer()) redirect(callbackPath)
  const notice = signInReason(reason)

  return (
    <section className="mx-auto max-w-sm">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <p className="mt-2 mb-6 text-ink-soft">Your orders and your saved Klarna are waiting.</p>
      <SignInForm callbackPath={callbackPath} notice={notice} />
    </section>
  )
}
