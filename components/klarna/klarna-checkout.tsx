'use client'

import { useRouter } from 'next/navigation'
import { useCallback, useEffect, useId, useRef, useState } from 'react'
import type { ActionResult } from '@/components/ui/action-state'
import { Spinner } from '@/components/ui/spinner'
import type { KlarnaAuthorizeData, KlarnaCategory } from '@/lib/commerce-layer/klarna'
import { loadKlarnaLibrary, type KlarnaAuthorizeResponse, type KlarnaPayments } from './klarna-library'

type Phase =
  | { name: 'waiting' }
  | { name: 'preparing' }
  | { name: 'ready' }
  | { name: 'authorizing' }
  | { name: 'placing' }
  | { name: 'refused' }
  | { name: 'unavailable'; message: string }

/** Klarna's names for the fields it refuses, in the words of the form above. */
const FIELD_NAMES: Record<string, string> = {
  'billing_address.email': 'email address',
  'billing_address.phone': 'phone number',
  'billing_address.postal_code': 'billing postal code',
  'billing_address.street_address': 'billing street address',
  'billing_address.given_name': 'first name',
  'billing_address.family_name': 'last name',
  'shipping_address.postal_code': 'shipping postal code',
}

function describeInvalidFields(fields: string[]): string {
  const names = fields.map((field) => FIELD_NAMES[field] ?? field.replaceAll('_', ' ').replace('.', ' '))
  return `Klarna needs a valid ${names.join(' and ')}. Please correct it above, then pay again.`
}

/** The order's Klarna session, as the server prepared it for the widget. */
export type KlarnaSession = { clientToken: string; category: KlarnaCategory; authorizeData: KlarnaAuthorizeData }
/** The order Klarna paid for, and whether saving Klarna to the wallet afterwards failed. */
export type KlarnaPlacedOrder = { orderId: string; walletSaveFailed: boolean }

/**
 * The server actions the widget calls; checkout owns them (they work on its order) and hands them in, so
 * the Klarna feature never reaches into checkout's files.
 */
export type KlarnaActions = {
  prepareSession: () => Promise<ActionResult<never, KlarnaSession>>
  pay: (input: { authorizationToken: string; saveToWallet: boolean }) => Promise<ActionResult<never, KlarnaPlacedOrder>>
}

type OpenedSession =
  | { phase: { name: 'ready' }; payments: KlarnaPayments; prepared: KlarnaSession }
  | { phase: Extract<Phase, { name: 'unavailable' }> }

/** Asks the server for the order's Klarna session, then loads Klarna's library and renders its widget. */
async function openKlarnaSession(
  prepareSession: KlarnaActions['prepareSession'],
  libraryUrl: string,
  container: string,
): Promise<OpenedSession> {
  const result = await prepareSession()
  const prepared = result.data
  if (result.status !== 'success' || !prepared) return { phase: { name: 'unavailable', message: result.message } }
  try {
    const payments = await loadKlarnaLibrary(libraryUrl)
    payments.init({ client_token: prepared.clientToken })
    payments.load({ container, payment_method_category: prepared.category.identifier })
    return { phase: { name: 'ready' }, payments, prepared }
  } catch (error) {
    console.error(error)
    return {
      phase: {
        name: 'unavailable',
        message: "Klarna couldn't be loaded. Please check your connection and reload the page.",
      },
    }
  }
}

/**
 * The Klarna step of checkout: the widget, "Pay with Klarna", and what happens after Klarna answers.
 * `authorize` runs synchronously in the click handler (browsers block a dialog opened after an await), so the
 * session and the authorize data are prepared before the button is enabled.
 */
export function KlarnaCheckout({
  actions,
  libraryUrl,
  detailsComplete,
  sessionKey,
  canSaveToWallet,
}: {
  actions: KlarnaActions
  libraryUrl: string
  detailsComplete: boolean
  /** Changes whenever the order changes in a way Klarna must hear about (total, addresses, delivery). */
  sessionKey: string
  canSaveToWallet: boolean
}) {
  const router = useRouter()
  const containerId = `klarna-widget-${useId().replaceAll(':', '')}`
  // The phase belongs to the session it was reached for; a new sessionKey means "preparing" until ready.
  const [state, setState] = useState<{ key: string | null; phase: Phase }>({ key: null, phase: { name: 'preparing' } })
  const phase: Phase = !detailsComplete
    ? { name: 'waiting' }
    : state.key !== sessionKey
      ? { name: 'preparing' }
      : state.phase
  const setPhase = useCallback((next: Phase) => setState((current) => ({ ...current, phase: next })), [])
  const [message, setMessage] = useState('')
  const [saveToWallet, setSaveToWallet] = useState(true)
  const session = useRef<KlarnaSession | null>(null)
  const klarna = useRef<KlarnaPayments | null>(null)
  const busy = useRef(false)

  const applyOpened = useCallback((key: string, opened: OpenedSession) => {
    if ('payments' in opened) {
      klarna.current = opened.payments
      session.current = opened.prepared
    }
    setState({ key, phase: opened.phase })
  }, [])

  useEffect(() => {
    if (!detailsComplete) return
    let stale = false
    void openKlarnaSession(actions.prepareSession, libraryUrl, `#${containerId}`).then((opened) => {
      if (!stale) applyOpened(sessionKey, opened)
    })
    return () => {
      stale = true
    }
  }, [actions.prepareSession, detailsComplete, sessionKey, libraryUrl, containerId, applyOpened])

  async function handleAuthorization(response: KlarnaAuthorizeResponse) {
    if (response.approved && response.authorization_token) {
      setPhase({ name: 'placing' })
      const result = await actions.pay({
        authorizationToken: response.authorization_token,
        saveToWallet: canSaveToWallet && saveToWallet,
      })
      const placed = result.data
      if (result.status === 'success' && placed) {
        router.push(`/orders/${placed.orderId}${placed.walletSaveFailed ? '?wallet=failed' : ''}`)
        return
      }
      busy.current = false
      setMessage(result.message)
      if (result.next === 'authorize-again') {
        // The page (header's count included) shows the order as it is now; its new session key makes the
        // widget open a fresh session.
        setPhase({ name: 'preparing' })
        router.refresh()
      } else {
        setPhase({ name: 'ready' })
      }
      return
    }
    busy.current = false
    if (!response.show_form) {
      setPhase({ name: 'refused' })
      setMessage("Klarna can't be used for this order. Your cart is still here.")
      return
    }
    setPhase({ name: 'ready' })
    // A closed dialog changes nothing; a fixable refusal names what to fix.
    setMessage(response.error?.invalid_fields?.length ? describeInvalidFields(response.error.invalid_fields) : '')
  }

  function pay() {
    const payments = klarna.current
    const prepared = session.current
    if (busy.current || !payments || !prepared || phase.name !== 'ready') return
    busy.current = true
    setMessage('')
    setPhase({ name: 'authorizing' })
    payments.authorize(
      { payment_method_category: prepared.category.identifier },
      prepared.authorizeData,
      (response) => {
        void handleAuthorization(response)
      },
    )
  }

  const refused = phase.name === 'refused'
  const pending = phase.name === 'preparing' || phase.name === 'authorizing' || phase.name === 'placing'
  return (
    <div className={refused ? 'opacity-60 grayscale' : ''} data-testid="klarna-checkout">
      {phase.name === 'waiting' && (
        <p className="text-sm text-ink-soft">Fill in your details above to pay with Klarna.</p>
      )}
      {phase.name === 'unavailable' && <p className="text-sm text-red-700">{phase.message}</p>}
      <div
        id={containerId}
        className={phase.name === 'waiting' || phase.name === 'unavailable' ? 'hidden' : 'min-h-16'}
      />
      {canSaveToWallet && phase.name !== 'waiting' && phase.name !== 'unavailable' && !refused && (
        <label className="mt-4 flex items-start gap-3 text-sm">
          <input
            type="checkbox"
            checked={saveToWallet}
            onChange={(event) => setSaveToWallet(event.target.checked)}
            className="mt-0.5 size-5 accent-brand"
          />
          <span>
            <span className="font-medium">Save Klarna for faster checkout next time</span>
            <span className="block text-ink-soft">
              Klarna is kept in your wallet, so next time you can pay with one click. Remove it any time.
            </span>
          </span>
        </label>
      )}
      {phase.name !== 'waiting' && phase.name !== 'unavailable' && (
        <button
          type="button"
          onClick={pay}
          disabled={phase.name !== 'ready'}
          className="mt-4 flex h-12 w-full items-center justify-center gap-2 rounded-full bg-klarna-pink text-base font-semibold text-klarna-ink hover:brightness-95 disabled:cursor-not-allowed disabled:opacity-60"
        >
          {pending && <Spinner />}
          {phase.name === 'placing' ? 'Placing your order…' : 'Pay with Klarna'}
        </button>
      )}
      <p
        role="status"
        aria-live="polite"
        className={`mt-3 min-h-5 text-sm ${refused ? 'font-medium text-red-700' : 'text-red-700'}`}
      >
        {message}
      </p>
    </div>
  )
}
