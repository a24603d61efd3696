'use client'

import { useRouter } from 'next/navigation'
import { useEffect, useId, useReducer, useState } from 'react'
import { Spinner } from '@/components/ui/spinner'
import { loadKlarnaLibrary, type KlarnaAuthorizeResponse } from './klarna-library'
import {
  initialKlarnaWidgetState,
  klarnaWidgetReducer,
  klarnaWidgetView,
  type KlarnaActions,
  type KlarnaWidgetEvent,
  type ReadySession,
} from './klarna-widget-state'

type Opened = Extract<KlarnaWidgetEvent, { type: 'session-refused' | 'loaded' | 'load-failed' }>

/**
 * Asks the server for the order's Klarna session, loads Klarna's library and renders its widget, and answers
 * once `load` has called back (Klarna's `show_form` says whether the widget can be used).
 */
async function openKlarnaSession(
  prepareSession: KlarnaActions['prepareSession'],
  libraryUrl: string,
  container: string,
  key: string,
): Promise<Opened> {
  const result = await prepareSession()
  const prepared = result.data
  if (result.status !== 'success' || !prepared) return { type: 'session-refused', key, message: result.message }
  try {
    const payments = await loadKlarnaLibrary(libraryUrl)
    payments.init({ client_token: prepared.clientToken })
    const { show_form: showForm } = await new Promise<{ show_form: boolean }>((resolve) =>
      payments.load({ container, payment_method_category: prepared.category.identifier }, {}, resolve),
    )
    return { type: 'loaded', key, showForm, session: { ...prepared, payments } }
  } catch (error) {
    console.error(error)
    return { type: 'load-failed', key }
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
  const [state, dispatch] = useReducer(klarnaWidgetReducer, initialKlarnaWidgetState)
  const phase = klarnaWidgetView(state, { detailsComplete, sessionKey })
  const [saveToWallet, setSaveToWallet] = useState(true)

  useEffect(() => {
    if (!detailsComplete) return
    let stale = false
    void openKlarnaSession(actions.prepareSession, libraryUrl, `#${containerId}`, sessionKey).then((opened) => {
      if (!stale) dispatch(opened)
    })
    return () => {
      stale = true
    }
  }, [actions.prepareSession, detailsComplete, sessionKey, libraryUrl, containerId])

  async function placeOrder(authorizationToken: string) {
    const result = await actions.pay({ authorizationToken, saveToWallet: canSaveToWallet && saveToWallet })
    dispatch({ type: 'placing-answered', result })
    const placed = result.data
    if (result.status === 'success' && placed) {
      router.push(`/orders/${placed.orderId}${placed.walletSaveFailed ? '?wallet=failed' : ''}`)
    } else if (result.next === 'authorize-again') {
      // The page (header's count included) shows the order as it is now; its new session key makes the
      // widget open a fresh session.
      router.refresh()
    }
  }

  function handleAuthorization(session: ReadySession, response: KlarnaAuthorizeResponse) {
    dispatch({ type: 'authorized', response })
    if (response.approved && response.authorization_token) {
      void placeOrder(response.authorization_token)
    } else if (response.approved && response.finalize_required) {
      // Klarna asks for the second step when a category needs it despite auto_finalize (its SDK reference).
      callKlarna(() =>
        session.payments.finalize(
          { payment_method_category: session.category.identifier },
          session.authorizeData,
          (finalized) => handleAuthorization(session, finalized),
        ),
      )
    }
  }

  /** Klarna's calls throw when its application is not loaded (`ApplicationNotLoadedError`, …): never a stuck button. */
  function callKlarna(call: () => void) {
    try {
      call()
    } catch (error) {
      console.error(error)
      dispatch({ type: 'authorize-threw' })
    }
  }

  function pay() {
    if (phase.name !== 'ready') return
    const { session } = phase
    dispatch({ type: 'pay-pressed' })
    // Synchronously, inside the click: browsers block a dialog opened after an await. `auto_finalize: true`
    // (Klarna's default, said here on purpose): the dialog's approval is final, so the token can place the order.
    callKlarna(() =>
      session.payments.authorize(
        { payment_method_category: session.category.identifier, auto_finalize: true },
        session.authorizeData,
        (response) => handleAuthorization(session, response),
      ),
    )
  }

  const refused = phase.name === 'refused'
  const pending = phase.name === 'preparing' || phase.name === 'authorizing' || phase.name === 'placing'
  return (
    <div className={refused ? 'opacity-60 grayscale' : ''} data-testid="klarna-checkout">
      {phase.name === 'waiting' && (
        <p className="text-sm text-ink-soft">Fill in your details above to pay with Klarna.</p>
      )}
      {phase.name === 'unavailable' && (
        <p role="alert" className="text-sm text-red-700">
          {phase.message}
        </p>
      )}
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
        {phase.name === 'waiting' || phase.name === 'unavailable' ? '' : phase.message}
      </p>
    </div>
  )
}
