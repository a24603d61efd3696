import { newUuid } from '../ids'
import { arithmeticViolations } from './arithmetic'
import { klarnaError } from './errors'
import { authorizeDataSchema, invalidFields, withoutReadOnlyFields, type SessionData } from './schemas'
import { mergeSessionData, requireOpenSession, saveSessionData, type KlarnaSession } from './sessions'
import type { PlanId } from './plans'
import type { Services } from '../module'

/**
 * What happens when a shopper authorizes a session, shared by Klarna's dialog (the browser) and the
 * sandbox's test door, so both give the same answer for the same input. The playground's conventions:
 * an email whose local part contains `+denied` is refused for good; a missing or malformed email is a
 * refusal the merchant can fix; the one-time code is any six digits but 999999.
 */

/** The shapes `authorize`'s callback receives (a closed dialog, `{approved:false, show_form:true}`, is the browser's own). */
export type AuthorizeResult =
  | { approved: true; show_form: true; authorization_token: string }
  | { approved: false; show_form: true; error: { invalid_fields: string[] } }
  | { approved: false; show_form: false }

/** Authorization tokens are valid for 60 minutes. */
export const AUTHORIZATION_LIFETIME_MS = 60 * 60 * 1000

/** The code that always fails, as in Klarna's playground. */
export const FAILING_ONE_TIME_CODE = '999999'

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export const isWellFormedEmail = (email: unknown): email is string =>
  typeof email === 'string' && email.length <= 99 && EMAIL_PATTERN.test(email)

export const isAcceptedOneTimeCode = (code: unknown): boolean =>
  typeof code === 'string' && /^\d{6}$/.test(code) && code !== FAILING_ONE_TIME_CODE

/** A refusal the shop can fix: it names the fields of its data at fault. */
export const fixableRefusal = (fields: string[]): AuthorizeResult => ({
  approved: false,
  show_form: true,
  error: { invalid_fields: fields },
})

/** Refuses what the shopper's email alone decides; undefined when the email may go on. */
export function refusalForEmail(email: unknown): AuthorizeResult | undefined {
  if (!isWellFormedEmail(email)) return fixableRefusal(['billing_address.email'])
  const localPart = email.slice(0, email.lastIndexOf('@'))
  if (localPart.includes('+denied')) return { approved: false, show_form: false }
  return undefined
}

export type PreparedAuthorization =
  { ok: true; session: KlarnaSession; data: SessionData } | { ok: false; result: AuthorizeResult }

/**
 * The session as it will be authorized: its data with the `authorize(options, data)` data merged in, as Klarna
 * does. Data that breaks the schema or the amount rules is a fixable refusal naming the fields. An unknown,
 * expired or completed session throws Klarna's 404.
 */
export function prepareAuthorization(
  services: Services,
  sessionId: string,
  authorizeData: unknown,
): PreparedAuthorization {
  const session = requireOpenSession(services, sessionId)
  const parsed = authorizeDataSchema.safeParse(authorizeData ?? {})
  if (!parsed.success) return { ok: false, result: fixableRefusal(invalidFields(parsed.error)) }
  const data = mergeSessionData(session.data, withoutReadOnlyFields(parsed.data))
  const violations = arithmeticViolations(data)
  if (violations.length > 0) return { ok: false, result: fixableRefusal(violations) }
  return { ok: true, session, data }
}

export type ShopperAnswers = {
  /** The identity the shopper confirmed in the dialog. */
  email: unknown
  otp: unknown
  plan: PlanId
  /** The `data` argument of `authorize`, if any. */
  data?: unknown
}

/**
 * The end of the dialog: checks the code (a wrong one throws 400 `Bad value: otp`; in the browser the dialog
 * shows it and lets the shopper retry), then decides by the email, and on approval stores a fresh
 * authorization token holding the session's data as authorized.
 */
export function authorizeSession(services: Services, sessionId: string, answers: ShopperAnswers): AuthorizeResult {
  const prepared = prepareAuthorization(services, sessionId, answers.data)
  if (!prepared.ok) return prepared.result
  if (!isAcceptedOneTimeCode(answers.otp)) throw klarnaError(400, 'BAD_VALUE', 'Bad value: otp')
  const refusal = refusalForEmail(answers.email)
  if (refusal) return refusal
  const email = answers.email as string

  const { db, clock } = services
  const token = newUuid()
  const now = clock.now()
  db.transaction(() => {
    saveSessionData(db, prepared.session.id, prepared.data, now)
    db.prepare(
      `INSERT INTO klarna_authorizations (token, session_id, email, plan, data, status, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, 'authorized', ?, ?)`,
    ).run(
      token,
      prepared.session.id,
      email,
      answers.plan,
      JSON.stringify(prepared.data),
      now,
      now + AUTHORIZATION_LIFETIME_MS,
    )
  })()
  return { approved: true, show_form: true, authorization_token: token }
}
