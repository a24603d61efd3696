'use client'

import { useActionState } from 'react'
import { IDLE } from '@/components/ui/action-state'
import { StatusMessage } from '@/components/ui/status-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { saveKlarnaToWalletAction } from './actions'

/** "Save Klarna to my wallet": once; after it worked the page shows the saved source instead of the button. */
export function SaveToWalletButton({ orderId, failedBefore }: { orderId: string; failedBefore: boolean }) {
  const [state, formAction] = useActionState(saveKlarnaToWalletAction, IDLE)
  const message =
    state.status === 'idle' && failedBefore
      ? "We couldn't save Klarna to your wallet. Your order is placed; you can try again."
      : state.message
  return (
    <form action={formAction}>
      <input type="hidden" name="orderId" value={orderId} />
      <SubmitButton pendingLabel="Saving…" disabled={state.status === 'success'}>
        Save Klarna to my wallet
      </SubmitButton>
      <StatusMessage
        status={state.status === 'idle' && failedBefore ? 'error' : state.status}
        message={message}
        className="mt-2"
      />
    </form>
  )
}
