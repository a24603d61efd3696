import { AccountHeader } from '@/components/account/account-header'
import { WalletList } from '@/components/wallet/wallet-list'
import { requireCustomer } from '@/lib/auth/session'
import { commerceLayerClient } from '@/lib/commerce-layer/client'
import { listWalletEntries } from '@/lib/commerce-layer/wallet'
import type { Metadata } from 'next'

export const metadata: Metadata = { title: 'Your wallet' }

export default async function WalletPage() {
  const customer = await requireCustomer('/account/wallet')
  const entries = await listWalletEntries(commerceLayerClient(customer.accessToken))

  return (
    <section>
      <AccountHeader email={customer.email} current="/account/wallet" />
      <h2 className="text-lg font-semibold">Wallet</h2>
      <p className="mt-1 mb-4 text-sm text-ink-soft">Saved Klarna accounts let you pay with one click at checkout.</p>
      <WalletList
        initialEntries={entries.map(({ id, name, savedAt, isDefault }) => ({ id, name, savedAt, isDefault }))}
      />
    </section>
  )
}
