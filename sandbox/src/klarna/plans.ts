/**
 * What the stand-in offers: one payment method category, "Pay with Klarna" (what most EU merchants get
 * today), and inside it three plans the shopper picks in the dialog. The plan decides what Klarna reports
 * as `authorized_payment_method` and what a customer token's `payment_method_type` is.
 */

export const MERCHANT_NAME = 'Sandbox Store'

export const PAYMENT_METHOD_CATEGORY = { identifier: 'klarna', name: 'Pay with Klarna' } as const

export type PlanId = 'pay_in_30_days' | 'pay_in_3' | 'pay_now'

export type AuthorizedPaymentMethod = {
  type: 'invoice' | 'fixed_amount' | 'direct_debit'
  number_of_days?: number
  number_of_installments?: number
}

type Plan = {
  id: PlanId
  /** How the widget and the dialog name it. */
  title: string
  authorizedPaymentMethod: AuthorizedPaymentMethod
  /** A customer token's `payment_method_type` (Klarna spells these in capitals). */
  tokenPaymentMethodType: 'INVOICE' | 'FIXED_AMOUNT' | 'DIRECT_DEBIT'
}

export const PLANS: readonly Plan[] = [
  {
    id: 'pay_in_30_days',
    title: 'Pay in 30 days',
    authorizedPaymentMethod: { type: 'invoice', number_of_days: 30 },
    tokenPaymentMethodType: 'INVOICE',
  },
  {
    id: 'pay_in_3',
    title: 'Pay in 3 interest-free instalments',
    authorizedPaymentMethod: { type: 'fixed_amount', number_of_installments: 3 },
    tokenPaymentMethodType: 'FIXED_AMOUNT',
  },
  {
    id: 'pay_now',
    title: 'Pay now',
    authorizedPaymentMethod: { type: 'direct_debit' },
    tokenPaymentMethodType: 'DIRECT_DEBIT',
  },
]

/** How the widget puts the plans in words, before the shopper picks one in the dialog. */
export const WIDGET_PLAN_WORDS = {
  headline: 'Pay in 30 days',
  rest: 'or pay in 3 interest-free instalments, or pay now.',
}

export const PLAN_IDS = PLANS.map((plan) => plan.id) as [PlanId, ...PlanId[]]
export const DEFAULT_PLAN: PlanId = 'pay_in_30_days'

export function planById(id: string): Plan {
  return PLANS.find((plan) => plan.id === id) ?? (PLANS[0] as Plan)
}

export function planByTokenType(type: string): Plan {
  return PLANS.find((plan) => plan.tokenPaymentMethodType === type) ?? (PLANS[0] as Plan)
}

/** Money in minor units, formatted for the session's locale (amounts are always integers on the wire). */
export function formatMoney(minorUnits: number, currency: string, locale = 'en-US'): string {
  const format = new Intl.NumberFormat(safeLocale(locale), { style: 'currency', currency: currency.toUpperCase() })
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2
  return format.format(minorUnits / 10 ** digits)
}

function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en-US'
  } catch {
    return 'en-US'
  }
}

/** The plans described for one amount: what the shopper pays and when, in words. */
export function describePlans(amount: number, currency: string, locale: string) {
  const money = (value: number) => formatMoney(value, currency, locale)
  const instalment = Math.floor(amount / 3)
  const firstInstalment = amount - 2 * instalment
  const details: Record<PlanId, string> = {
    pay_in_30_days: `${money(amount)} due in 30 days. No interest, no fees.`,
    pay_in_3: `${money(firstInstalment)} today, then 2 payments of ${money(instalment)} every 30 days.`,
    pay_now: `${money(amount)} today by direct debit.`,
  }
  return PLANS.map((plan) => ({ id: plan.id, title: plan.title, detail: details[plan.id] }))
}
