import { apiError, invalid, validationError } from './jsonapi/errors'
import { KlarnaError } from './klarna-adapter'
import type { HttpError } from '../http/errors'

/**
 * A Klarna refusal as the Core API reports it: a 422 on the field that needed Klarna, with Klarna's own code and
 * message in the detail. Klarna out of reach is a 502: not the client's fault. Anything else is a bug: rethrown.
 */
export function klarnaRefusal(error: unknown, field: string, pointer?: string): HttpError {
  if (!(error instanceof KlarnaError)) throw error
  if (error.status === 0)
    return apiError(502, { title: 'Klarna unreachable', detail: error.explanation, code: 'BAD_GATEWAY' })
  return validationError(invalid(field, `was refused by Klarna. ${error.explanation}`, 'klarna_refused', pointer))
}
