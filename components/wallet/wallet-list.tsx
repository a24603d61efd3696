'use client'

import Link from 'next/link'
import { useActionState, useCallback, useEffect, useState } from 'react'
import useSWR from 'swr'
import { IDLE } from '@/components/ui/action-state'
import { StatusMessage } from '@/components/ui/status-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { formatDate } from '@/lib/dates'
import { chooseDefaultWalletEntryAction, removeWalletEntryAction } from './actions'

export type WalletListEntry = { id: string; name: string; savedAt: string; isDefault: boolean }

const WALLET_KEY = '/api/account/wallet'

async function fetchWallet(url: string): Promise<WalletListEntry[]> {
  const response = await fetch(url, { cache: 'no-store' })
  if (!response.ok) throw new Error(`Wallet: ${response.status}`)
  return ((await response.json()) as { entries: WalletListEntry[] }).entries
}

function KlarnaMark() {
  return (
    <span
      aria-hidden="true"
      className="inline-flex h-8 w-14 items-center justify-center rounded-md bg-klarna-pink text-xs font-bold text-klarna-ink"
    >
      Klarna.
    </span>
  )
}

/** "Make default", or the badge saying it is: checkout and Buy now offer the default first. */
function DefaultChoice({ entry, onChanged }: { entry: WalletListEntry; onChanged: (message: string) => void }) {
  const [state, formAction] = useActionState(chooseDefaultWalletEntryAction, IDLE)
  useEffect(() => {
    if (state.status === 'success') onChanged(state.message)
  }, [state, onChanged])

  if (entry.isDefault) {
    return (
      <span
        className="rounded-full bg-brand-light px-3 py-1 text-xs font-semibold text-brand"
        data-testid="default-badge"
      >
        Default
      </span>
    )
  }
  return (
    <form action={formAction}>
      <input type="hidden" name="entryId" value={entry.id} />
      <SubmitButton variant="link" pendingLabel="Saving…" aria-label={`Make ${entry.name} your default`}>
        Make default
      </SubmitButton>
      {state.status === 'error' && <StatusMessage status="error" message={state.message} />}
    </form>
  )
}

function WalletEntryRow({ entry, onChanged }: { entry: WalletListEntry; onChanged: (message: string) => void }) {
  const [confirming, setConfirming] = useState(false)
  const [state, formAction] = useActionState(removeWalletEntryAction, IDLE)

  useEffect(() => {
    if (state.status === 'success') onChanged(state.message)
  }, [state, onChanged])

  return (
    <li className="flex flex-wrap items-center gap-4 py-4" data-testid="wallet-entry">
      <KlarnaMark />
      <div className="min-w-0 flex-1">
        <p className="font-medium">{entry.name}</p>
        <p className="text-sm text-ink-soft">Saved {formatDate(entry.savedAt)}</p>
      </div>
      <DefaultChoice entry={entry} onChanged={onChanged} />
      {confirming ? (
        <form action={formAction} className="flex items-center gap-3" aria-label={`Confirm removing ${entry.name}`}>
          <input type="hidden" name="entryId" value={entry.id} />
          <span className="text-sm">Remove from your wallet?</span>
          <SubmitButton variant="secondary" pendingLabel="Removing…" className="!py-2 text-red-700">
            Yes, remove
          </SubmitButton>
          <button type="button" onClick={() => setConfirming(false)} className="text-sm underline underline-offset-4">
            Keep it
          </button>
        </form>
      ) : (
        <button
          type="button"
          onClick={() => setConfirming(true)}
          className="rounded-full border border-stone-300 px-4 py-2 text-sm font-semibold hover:border-stone-500"
          aria-label={`Remove ${entry.name}`}
        >
          Remove
        </button>
      )}
      {state.status === 'error' && <StatusMessage status="error" message={state.message} className="w-full" />}
    </li>
  )
}

/** The saved Klarna sources, the default marked, kept fresh by swr after every change. */
export function WalletList({ initialEntries }: { initialEntries: WalletListEntry[] }) {
  const { data: entries = initialEntries, mutate } = useSWR(WALLET_KEY, fetchWallet, { fallbackData: initialEntries })
  const [announcement, setAnnouncement] = useState('')

  const handleChanged = useCallback(
    (message: string) => {
      setAnnouncement(message)
      void mutate()
    },
    [mutate],
  )

  return (
    <>
      {entries.length === 0 ? (
        <div className="rounded-2xl border border-dashed border-stone-300 bg-white p-6">
          <p className="font-medium">Your wallet is empty.</p>
          <p className="mt-1 text-sm text-ink-soft">
            Pay with Klarna at checkout and keep &ldquo;Save Klarna for faster checkout next time&rdquo; ticked. Your
            Klarna will appear here, and next time you can pay with one click.
          </p>
          <Link href="/" className="mt-4 inline-block text-sm font-medium underline underline-offset-4">
            Go shopping
          </Link>
        </div>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white px-4">
          {entries.map((entry) => (
            <WalletEntryRow key={entry.id} entry={entry} onChanged={handleChanged} />
          ))}
        </ul>
      )}
      <StatusMessage status={announcement ? 'success' : 'idle'} message={announcement} className="mt-3" />
    </>
  )
}
