'use client'

import { useFormStatus } from 'react-dom'
import { Spinner } from '@/components/ui/spinner'

/**
 * The saved Klarna source's button, at checkout ("Pay with …") and on a product page ("Buy now · …"): Klarna's
 * pink, the amount on the right, disabled with a spinner while its form is being sent, so a second click waits.
 */
export function OneClickButton({ label, amount }: { label: string; amount: string }) {
  const { pending } = useFormStatus()
  return (
    <button
      type="submit"
      disabled={pending}
      className="flex min-h-14 w-full items-center justify-between gap-4 rounded-2xl bg-klarna-pink px-5 py-3 text-left font-semibold text-klarna-ink hover:brightness-95 disabled:cursor-not-allowed disabled:opacity-70"
    >
      <span className="flex items-center gap-2">
        {pending && <Spinner />}
        {label}
      </span>
      <span className="shrink-0" data-testid="one-click-amount">
        {amount}
      </span>
    </button>
  )
}
