import { HttpError, type ErrorRenderer } from '../http/errors'
import { newUuid } from '../ids'

/** Klarna's error object, the body of every refusal under /klarna. */
export type KlarnaErrorBody = {
  correlation_id: string
  error_code: string
  error_messages: string[]
}

export function klarnaError(status: number, errorCode: string, messages: string | readonly string[]): HttpError {
  const body: KlarnaErrorBody = {
    correlation_id: newUuid(),
    error_code: errorCode,
    error_messages: typeof messages === 'string' ? [messages] : [...messages],
  }
  return new HttpError(status, body)
}

/** The code Klarna uses for a status when nothing more precise applies (router 404/405, 413, 500). */
function defaultCode(status: number): string {
  if (status === 401) return 'UNAUTHORIZED'
  if (status === 403) return 'INVALID_OPERATION'
  if (status === 404) return 'NOT_FOUND'
  if (status >= 500) return 'INTERNAL_SERVER_ERROR'
  return 'BAD_REQUEST'
}

/** Errors the sandbox's own machinery raises under /klarna (no route, bad JSON, body too large) look like Klarna's. */
export const renderKlarnaError: ErrorRenderer = (status, _title, detail) =>
  klarnaError(status, defaultCode(status), detail)

export const badValue = (fields: readonly string[]) =>
  klarnaError(
    400,
    'BAD_VALUE',
    fields.map((field) => `Bad value: ${field}`),
  )
