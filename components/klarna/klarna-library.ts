'use client'

/**
 * Klarna's browser library (`Klarna.Payments`), loaded once per page from the configured URL: Klarna's own
 * (https://x.klarnacdn.net/kp/lib/v1/api.js) or the sandbox's stand-in. Only the surface this shop uses is typed.
 */

export type KlarnaAuthorizeResponse = {
  approved: boolean
  show_form: boolean
  authorization_token?: string
  finalize_required?: boolean
  error?: { invalid_fields?: string[] }
}

export type KlarnaPayments = {
  init(options: { client_token: string }): void
  load(
    options: { container: string | HTMLElement; payment_method_category: string },
    data?: object,
    callback?: (response: { show_form: boolean; error?: unknown }) => void,
  ): void
  authorize(
    options: { payment_method_category: string; auto_finalize?: boolean },
    data: object,
    callback: (response: KlarnaAuthorizeResponse) => void,
  ): void
  /** The second step when `authorize` answered `finalize_required: true` (same callback shapes). */
  finalize(
    options: { payment_method_category: string },
    data: object,
    callback: (response: KlarnaAuthorizeResponse) => void,
  ): void
}

declare global {
  interface Window {
    Klarna?: { Payments: KlarnaPayments }
    klarnaAsyncCallback?: () => void
  }
}

let loading: Promise<KlarnaPayments> | undefined

export function loadKlarnaLibrary(url: string): Promise<KlarnaPayments> {
  if (window.Klarna?.Payments) return Promise.resolve(window.Klarna.Payments)
  loading ??= new Promise<KlarnaPayments>((resolve, reject) => {
    // Klarna calls this when the library is ready; it must exist before the script runs.
    window.klarnaAsyncCallback = () => {
      if (window.Klarna?.Payments) resolve(window.Klarna.Payments)
      else reject(new Error('Klarna loaded without Klarna.Payments'))
    }
    const script = document.createElement('script')
    script.src = url
    script.async = true
    script.onerror = () => {
      loading = undefined
      script.remove()
      reject(new Error(`Klarna's library could not be loaded from ${url}`))
    }
    document.head.appendChild(script)
  })
  return loading
}
