import { redirect } from 'next/navigation'
import { SignUpForm } from '@/components/account/sign-up-form'
import { safeCallbackPath } from '@/lib/auth/callback-url'
import { currentCustomer } from '@/lib/auth/session'
import type { Metadata } from 'next'

export const metadata: Metadata = { title: 'Create an account' }

type Props = { searchParams: Promise<{ callbackUrl?: string }> }

export default async function SignUpPage({ searchParams }: Props) {
  const callbackPath = safeCallbackPath((await searchParams).callbackUrl)
  if (await currentCustomer()) redirect(callbackPath)

  return (
    <section className="mx-auto max-w-sm">
      <h1 className="text-2xl font-semibold">Create an account</h1>
      <p className="mt-2 mb-6 text-ink-soft">Save Klarna to your wallet and check out with one click next time.</p>
      <SignUpForm callbackPath={callbackPath} />
    </section>
  )
}
