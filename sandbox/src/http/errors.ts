/**
 * Thrown by a handler to answer with a status and a body in the shape its API uses
 * (JSON:API errors under /api, Klarna's error object under /klarna, the auth host's under /oauth).
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly contentType = 'application/json',
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`)
  }
}

/** Which API a path belongs to decides the shape of the errors the router itself produces (404, 405, 413). */
export type ErrorRenderer = (status: number, title: string, detail: string) => HttpError
