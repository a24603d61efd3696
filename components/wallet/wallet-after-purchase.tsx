import Link from 'next/link'
import type { WalletEntry } from '@/lib/commerce-layer/wallet'
import { SaveToWalletButton } from './save-to-wallet'

/**
 * The wallet's part of the confirmation page: the saved source, a way to save it, or (for a guest) a reason
 * to create an account.
 */
export function WalletAfterPurchase({
  orderId,
  signedIn,
  savedEntry,
  paidWithSavedSource,
  saveFailed,
}: {
  orderId: string
  signedIn: boolean
  savedEntry: WalletEntry | null
  paidWithSavedSource: boolean
  saveFailed: boolean
}) {
  return (
    <section aria-labelledby="wallet-heading" className="rounded-2xl border border-klarna-pink bg-white p-6">
      <h2 id="wallet-heading" className="flex items-center gap-3 text-lg font-semibold">
        <span
          aria-hidden="true"
          className="inline-flex h-7 w-12 items-center justify-center rounded-md bg-klarna-pink text-xs font-bold text-klarna-ink"
        >
          Klarna.
        </span>
        Pay with one click next time
      </h2>
      {!signedIn ? (
        <p className="mt-3 text-sm">
          <Link href="/signup" className="font-semibold underline underline-offset-4">
            Create an account to pay with one click next time
          </Link>
        </p>
      ) : paidWithSavedSource ? (
        <p className="mt-3 text-sm" role="status">
          Paid with one click, with the Klarna saved in your{' '}
          <Link href="/account/wallet" className="underline underline-offset-4">
            wallet
          </Link>
          . It stays there for next time.
        </p>
      ) : savedEntry ? (
        <div className="mt-3" role="status">
          <p className="font-medium text-brand">Klarna saved to your wallet</p>
          <p className="mt-1 text-sm" data-testid="saved-source-name">
            {savedEntry.name}
          </p>
          <Link href="/account/wallet" className="mt-2 inline-block text-sm underline underline-offset-4">
            See your wallet
          </Link>
        </div>
      ) : (
        <div className="mt-3">
          <p className="mb-3 text-sm text-ink-soft">
            Keep this Klarna in your wallet and skip the Klarna dialog next time.
          </p>
          <SaveToWalletButton orderId={orderId} failedBefore={saveFailed} />
        </div>
      )}
    </section>
  )
}
