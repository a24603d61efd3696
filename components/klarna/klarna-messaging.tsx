'use client'

import { useEffect } from 'react'
import type { KlarnaMessagingConfig } from '@/lib/env'

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'klarna-placement': React.DetailedHTMLProps<React.HTMLAttributes<HTMLElement>, HTMLElement> & {
        'data-key': string
        'data-locale': string
        'data-purchase-amount': number
      }
    }
  }
}

/** The messaging library's one call the shop makes (the payments library's `window.Klarna` is typed elsewhere). */
type WithMessaging = { Klarna?: { OnsiteMessaging?: { refresh(): void } } }

let requested = false

/**
 * Klarna's messaging library, added once per page after the page is interactive (the browser's load event, then
 * an idle moment), so it never competes with the shop's own first paint and script. Like Klarna's payments
 * library it is not the shop's bundle, and its origin is in the Content-Security-Policy.
 */
function loadMessagingLibrary({ libraryUrl, clientId, environment }: KlarnaMessagingConfig) {
  if (requested) return
  requested = true
  const add = () => {
    const script = document.createElement('script')
    script.src = libraryUrl
    script.async = true
    script.dataset.clientId = clientId
    script.dataset.environment = environment
    document.head.appendChild(script)
  }
  const whenIdle = () =>
    window.requestIdleCallback ? window.requestIdleCallback(add, { timeout: 2000 }) : setTimeout(add, 0)
  if (document.readyState === 'complete') whenIdle()
  else window.addEventListener('load', whenIdle, { once: true })
}

/**
 * Klarna On-Site Messaging for an amount (integer cents, Klarna's minor units): Klarna's `<klarna-placement>`,
 * which Klarna's library (or the sandbox's stand-in) fills in. Its box keeps its height before and after, so
 * nothing below it moves; a new amount re-renders the placement in place.
 */
export function KlarnaMessaging({
  config,
  amountCents,
  className = '',
}: {
  config: KlarnaMessagingConfig
  amountCents: number
  className?: string
}) {
  useEffect(() => loadMessagingLibrary(config), [config])
  useEffect(() => {
    // Klarna's library re-reads every placement on refresh(); before it has loaded there is nothing to refresh.
    ;(window as WithMessaging).Klarna?.OnsiteMessaging?.refresh()
  }, [amountCents])

  return (
    <div className={`min-h-7 text-sm leading-7 ${className}`} data-testid="klarna-messaging">
      <klarna-placement
        data-key="credit-promotion-badge"
        data-locale={config.locale}
        data-purchase-amount={amountCents}
      />
    </div>
  )
}
