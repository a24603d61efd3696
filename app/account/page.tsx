import Link from 'next/link'
import { AccountHeader } from '@/components/account/account-header'
import { requireCustomer } from '@/lib/auth/session'
import type { Metadata } from 'next'

export const metadata: Metadata = { title: 'Your account' }

export default async function AccountPage() {
  const customer = await requireCustomer('/account')
  return (
    <section>
      <AccountHeader email={customer.email} current="/account" />
      <div className="grid gap-4 sm:grid-cols-2">
        <Link
          href="/account/orders"
          className="rounded-2xl border border-stone-200 bg-white p-6 hover:border-stone-400"
        >
          <h2 className="font-semibold">Orders</h2>
          <p className="mt-1 text-sm text-ink-soft">What you bought, when, and how you paid.</p>
        </Link>
        <Link
          href="/account/wallet"
          className="rounded-2xl border border-stone-200 bg-white p-6 hover:border-stone-400"
        >
          <h2 className="font-semibold">Wallet</h2>
          <p className="mt-1 text-sm text-ink-soft">Your saved Klarna, for one-click checkout.</p>
        </Link>
      </div>
    </section>
  )
}
