import type { Metadata } from 'next'
import { AccountNav } from '@/components/account/account-nav'
import { WalletList } from '@/components/wallet/wallet-list'
import { requireCustomer } from '@/lib/auth/session'
import { commerceLayerClient } from '@/lib/commerce-layer/client'
import { listWalletEntries } from '@/lib/commerce-layer/wallet'

export const metadata: Metadata = { title: 'Your wallet' }

export default async function WalletPage() {
  const customer = await requireCustomer('/account/wallet')
  const entries = await listWalletEntries(commerceLayerClient(customer.accessToken))

  return (
    <section>
      <h1 className="text-2xl font-semibold">Your account</h1>
      <p className="mt-1 mb-6 text-ink-soft">Signed in as {customer.email}</p>
      <AccountNav current="/account/wallet" />
      <h2 className="text-lg font-semibold">Wallet</h2>
      <p className="mt-1 mb-4 text-sm text-ink-soft">Saved Klarna accounts let you pay with one click at checkout.</p>
      <WalletList initialEntries={entries.map(({ id, name, savedAt }) => ({ id, name, savedAt }))} />
    </section>
  )
}
