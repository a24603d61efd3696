'use client'

import { useEffect, useId, useRef } from 'react'
import useSWR from 'swr'
import type { ApiLogEntry } from '@/lib/api-log/entry'
import { ApiLogEntryItem } from './api-log-entry-item'
import { README_PAGE } from './readme-anchors'

const REQUESTS_URL = '/api/developer/requests'

async function fetchEntries(url: string): Promise<ApiLogEntry[]> {
  const response = await fetch(url, { cache: 'no-store' })
  if (!response.ok) throw new Error(`Request log: ${response.status}`)
  return ((await response.json()) as { entries: ApiLogEntry[] }).entries
}

/**
 * The Developer panel: a modal dialog (the browser's own, so focus stays inside and Escape closes it) listing
 * the Commerce Layer requests this browser caused, newest first, refreshed while it is open. Loaded only when
 * opened (see developer-button.tsx).
 */
export function DeveloperPanel({ onClose }: { onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const closeRef = useRef<HTMLButtonElement>(null)
  const titleId = useId()
  const descriptionId = useId()
  const {
    data: entries,
    error,
    isValidating,
    mutate,
  } = useSWR(REQUESTS_URL, fetchEntries, { refreshInterval: 2000, dedupingInterval: 500 })

  useEffect(() => {
    const dialog = dialogRef.current
    // Guarded: React runs this twice in development. Not closed on cleanup: unmounting removes the dialog.
    if (dialog && !dialog.open) dialog.showModal()
    closeRef.current?.focus()
  }, [])

  const close = () => dialogRef.current?.close()

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onClose={onClose}
      // A click on the backdrop (the dialog element itself; its content fills it) closes it too.
      onClick={(event) => event.target === event.currentTarget && close()}
      className="m-0 ml-auto h-dvh max-h-dvh w-full max-w-2xl bg-white p-0 text-ink shadow-2xl backdrop:bg-stone-900/40"
    >
      <div className="flex h-full flex-col">
        <header className="border-b border-stone-200 px-4 py-3 sm:px-6 sm:py-4">
          <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
            <h2 id={titleId} className="text-base font-semibold sm:text-lg">
              Commerce Layer requests
            </h2>
            <div className="flex shrink-0 gap-2">
              <button
                type="button"
                onClick={() => void mutate()}
                className="rounded-full border border-stone-300 px-3 py-1.5 text-sm font-medium hover:border-stone-500"
              >
                {isValidating ? 'Refreshing…' : 'Refresh'}
              </button>
              <button
                ref={closeRef}
                type="button"
                onClick={close}
                className="rounded-full bg-ink px-3 py-1.5 text-sm font-medium text-white hover:bg-stone-700"
              >
                Close
              </button>
            </div>
          </div>
          <p id={descriptionId} className="mt-2 text-xs text-ink-soft sm:text-sm">
            What this browser&apos;s clicks asked of Commerce Layer, newest first. Tokens and passwords are redacted.
            The two requests of &ldquo;Reusing the payment source&rdquo; are marked;{' '}
            <a href={`${README_PAGE}#the-developer-panel`} className="underline underline-offset-2">
              about this panel
            </a>
            .
          </p>
        </header>
        <div className="flex-1 overflow-y-auto overscroll-contain">
          {entries === undefined ? (
            <p role="status" className="px-4 py-6 text-sm text-ink-soft sm:px-6">
              {error
                ? 'The request log could not be loaded. It will try again in a moment.'
                : 'Loading the request log…'}
            </p>
          ) : entries.length === 0 ? (
            <p className="px-4 py-6 text-sm text-ink-soft sm:px-6">
              No requests yet. Browse the shop: each request to Commerce Layer appears here.
            </p>
          ) : (
            <ol aria-label="Requests, newest first" className="divide-y divide-stone-200">
              {entries.map((entry) => (
                <ApiLogEntryItem key={entry.id} entry={entry} />
              ))}
            </ol>
          )}
        </div>
      </div>
    </dialog>
  )
}
