'use client'

import { useActionState } from 'react'
import { IDLE } from '@/components/ui/action-state'
import { StatusMessage } from '@/components/ui/status-message'
import { SubmitButton } from '@/components/ui/submit-button'
import { buyAgainAction } from './actions'

/** Puts a past order's items into a new cart and opens checkout. */
export function BuyAgainButton({ orderId, orderNumber }: { orderId: string; orderNumber: string }) {
  const [state, formAction] = useActionState(buyAgainAction, IDLE)
  return (
    <form action={formAction}>
      <input type="hidden" name="orderId" value={orderId} />
      <SubmitButton
        variant="secondary"
        pendingLabel="Adding…"
        className="!py-2 whitespace-nowrap"
        aria-label={`Buy order #${orderNumber} again`}
      >
        Buy again
      </SubmitButton>
      {state.status === 'error' && <StatusMessage status="error" message={state.message} className="mt-2" />}
    </form>
  )
}
