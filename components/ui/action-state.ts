/**
 * What every server action answers, and every form shows: nothing yet (`IDLE`), that it worked, or what went
 * wrong in words, with the errors next to the fields they concern and the step the shopper should take next.
 * One shape for every feature, so one status message component and one way to read a result.
 */
export type ActionResult<Field extends string = never, Data = undefined> = {
  status: 'idle' | 'success' | 'error'
  message: string
  fieldErrors?: Partial<Record<Field, string>>
  /** Echoed back so a refused form keeps what the shopper typed (never a password). */
  values?: Partial<Record<Field, string>>
  /** Where the shopper goes from here when the action could not finish. */
  next?: NextStep
  /** What a successful action hands the page (a Klarna session, the placed order). */
  data?: Data
}

/**
 * `details`: correct the checkout details above; `other-klarna`: pay with Klarna's widget instead of a saved
 * source; `authorize-again`: the order changed, so Klarna must approve it again; `checkout`: Buy now could not
 * pay, so checkout is the way on.
 */
export type NextStep = 'details' | 'other-klarna' | 'authorize-again' | 'checkout'

type Details<Field extends string, Data> = Omit<ActionResult<Field, Data>, 'status' | 'message'>

/** The one value a form starts from, before its action has answered. */
export const IDLE: ActionResult = { status: 'idle', message: '' }

export function succeeded<Field extends string = never, Data = undefined>(
  message: string,
  details: Details<Field, Data> = {},
): ActionResult<Field, Data> {
  return { status: 'success', message, ...details }
}

export function failed<Field extends string = never, Data = undefined>(
  message: string,
  details: Details<Field, Data> = {},
): ActionResult<Field, Data> {
  return { status: 'error', message, ...details }
}
