import { HttpError, type ErrorRenderer } from '../../http/errors'

export const JSONAPI_MEDIA_TYPE = 'application/vnd.api+json'

/** One JSON:API error object as Commerce Layer writes it (`status` is a string here, unlike on the auth host). */
export type ApiErrorObject = {
  title: string
  detail: string
  code: string
  status: string
  source?: { pointer?: string; parameter?: string }
  meta?: Record<string, unknown>
}

type ErrorInput = Omit<ApiErrorObject, 'status'>

/** An answer with one or more error objects of the same status. */
export function apiError(status: number, ...errors: ErrorInput[]): HttpError {
  return new HttpError(
    status,
    { errors: errors.map((error) => ({ ...error, status: String(status) })) },
    JSONAPI_MEDIA_TYPE,
  )
}

const attributePointer = (name: string) => `/data/attributes/${name}`
export const relationshipPointer = (name: string) => `/data/relationships/${name}`

/** One failed validation: `{title: "can't be blank", detail: "name - can't be blank", source, meta:{error}}`. */
export type Invalid = { field: string; message: string; error: string; pointer?: string }

export const invalid = (field: string, message: string, error: string, pointer = attributePointer(field)): Invalid => ({
  field,
  message,
  error,
  pointer,
})

/** 422 VALIDATION_ERROR with one error object per problem, as Commerce Layer lists every failed validation. */
export function validationError(...problems: Invalid[]): HttpError {
  return apiError(
    422,
    ...problems.map((problem) => ({
      title: problem.message,
      detail: `${problem.field} - ${problem.message}`,
      code: 'VALIDATION_ERROR',
      source: { pointer: problem.pointer ?? attributePointer(problem.field) },
      meta: { error: problem.error },
    })),
  )
}

/** The error classes of the Core API, with the codes and wording of Commerce Layer (JSONAPI::Resources underneath). */
export const errors = {
  badRequest: (detail: string, source?: ApiErrorObject['source']) =>
    apiError(400, { title: 'Bad request', detail, code: 'BAD_REQUEST', ...(source ? { source } : {}) }),
  paramNotAllowed: (name: string, source: ApiErrorObject['source']) =>
    apiError(400, { title: 'Param not allowed', detail: `${name} is not allowed.`, code: 'PARAM_NOT_ALLOWED', source }),
  paramMissing: (name: string, pointer: string) =>
    apiError(400, {
      title: 'Missing Parameter',
      detail: `The required parameter, ${name}, is missing.`,
      code: 'PARAM_MISSING',
      source: { pointer },
    }),
  invalidInclude: (type: string, path: string) =>
    apiError(400, {
      title: 'Invalid field',
      detail: `${path} is not a valid includable relationship of ${type}`,
      code: 'INVALID_INCLUDE',
      source: { parameter: 'include' },
    }),
  invalidField: (type: string, field: string) =>
    apiError(400, {
      title: 'Invalid field',
      detail: `${field} is not a valid field for ${type}.`,
      code: 'INVALID_FIELD',
      source: { parameter: `fields[${type}]` },
    }),
  invalidResource: (type: string, parameter: string) =>
    apiError(400, {
      title: 'Invalid resource',
      detail: `${type} is not a valid resource.`,
      code: 'INVALID_RESOURCE',
      source: { parameter },
    }),
  filterNotAllowed: (filter: string) =>
    apiError(400, {
      title: 'Filter not allowed',
      detail: `${filter} is not allowed.`,
      code: 'FILTER_NOT_ALLOWED',
      source: { parameter: `filter[q][${filter}]` },
    }),
  invalidSort: (type: string, field: string) =>
    apiError(400, {
      title: 'Invalid sort criteria',
      detail: `${field} is not a valid sort criteria for ${type}`,
      code: 'INVALID_SORT_CRITERIA',
      source: { parameter: 'sort' },
    }),
  invalidPageValue: (name: string, value: string, why: string) =>
    apiError(400, {
      title: 'Invalid page value',
      detail: `${value} is not a valid value for ${name} page parameter. ${why}`,
      code: 'INVALID_PAGE_VALUE',
      source: { parameter: `page[${name}]` },
    }),
  keyNotInUrl: (key: string) =>
    apiError(400, {
      title: 'Key is not included in URL',
      detail: `The URL does not support the key ${key}`,
      code: 'KEY_NOT_INCLUDED_IN_URL',
      source: { pointer: '/data/id' },
    }),
  typeMismatch: (expected: string, given: string) =>
    apiError(409, {
      title: 'Type mismatch',
      detail: `${given} is not a valid type for this endpoint: expected ${expected}.`,
      code: 'TYPE_MISMATCH',
      source: { pointer: '/data/type' },
    }),
  // The wording Commerce Layer answers with, e.g. to a guest saving a payment source (mfe-checkout issue #275).
  unauthorized: (detail = 'You are not authorized to perform this action on the requested resource.') =>
    apiError(401, { title: 'Access denied', detail, code: 'UNAUTHORIZED' }),
  invalidToken: (detail: string) => apiError(401, { title: 'Invalid token', detail, code: 'INVALID_TOKEN' }),
  recordNotFound: (id: string, pointer?: string) =>
    apiError(404, {
      title: 'Record not found',
      detail: `The record identified by ${id} could not be found.`,
      code: 'RECORD_NOT_FOUND',
      ...(pointer ? { source: { pointer } } : {}),
    }),
  notAcceptable: (given: string) =>
    apiError(406, {
      title: 'Not acceptable',
      detail: `All requests must use the '${JSONAPI_MEDIA_TYPE}' Accept without media type parameters. This request specified '${given}'.`,
      code: 'NOT_ACCEPTABLE',
    }),
  unsupportedMediaType: (given: string) =>
    apiError(415, {
      title: 'Unsupported media type',
      detail: `All requests that create or update must use the '${JSONAPI_MEDIA_TYPE}' Content-Type. This request specified '${given}'.`,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    }),
  locked: (detail: string) => apiError(423, { title: 'Locked', detail, code: 'LOCKED' }),
  notUnique: (detail: string, pointer: string) =>
    apiError(409, { title: 'Record not unique', detail, code: 'RECORD_NOT_UNIQUE', source: { pointer } }),
}

const codeByStatus: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'TOO_MANY_REQUESTS',
  431: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
  500: 'INTERNAL_SERVER_ERROR',
  502: 'BAD_GATEWAY',
}

/** Errors the router and body reader raise under /api (no route, wrong method, body too large or not JSON). */
export const renderApiError: ErrorRenderer = (status, title, detail) =>
  apiError(status, { title, detail, code: codeByStatus[status] ?? 'ERROR' })

/** The auth host's shape: `{errors:[{code, title, detail, status}]}` with a numeric status. */
export function authError(status: number, code: string, title: string, detail: string): HttpError {
  return new HttpError(status, { errors: [{ code, title, detail, status }] })
}

export const renderAuthError: ErrorRenderer = (status, title, detail) =>
  authError(status, codeByStatus[status] ?? 'ERROR', title, detail)
