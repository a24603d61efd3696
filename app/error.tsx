'use client'

import { useRouter } from 'next/navigation'
import { useEffect, useTransition } from 'react'
import { STORE_UNAVAILABLE } from '@/lib/messages'

/**
 * Any page that could not load its data lands here. Most often the store (Commerce Layer, or the sandbox)
 * is unreachable; the shopper gets words and a way to try again, never a stack trace.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter()
  const [retrying, startRetry] = useTransition()

  useEffect(() => {
    console.error(error)
  }, [error])

  // The failed part was rendered on the server: ask the server again, then show what it answers.
  const retry = () =>
    startRetry(() => {
      router.refresh()
      reset()
    })

  return (
    <section className="mx-auto max-w-md py-16 text-center" role="alert">
      <h1 className="text-2xl font-semibold">{STORE_UNAVAILABLE}</h1>
      <p className="mt-2 text-ink-soft">Nothing in your cart has been lost.</p>
      <button
        type="button"
        onClick={retry}
        disabled={retrying}
        className="mt-6 inline-flex rounded-full bg-brand px-6 py-3 text-sm font-semibold text-white hover:bg-brand-dark disabled:bg-stone-400"
      >
        {retrying ? 'Trying again…' : 'Try again'}
      </button>
    </section>
  )
}
