import { HttpError } from './errors'
import type { Context } from './context'
import type { Router } from './router'

/** Runs the route that matches the request; no route is a 404, a route without this method a 405 with `Allow`. */
export async function dispatch(router: Router, ctx: Context): Promise<void> {
  const found = router.match(ctx.method, ctx.path)
  if (!found) throw ctx.renderError(404, 'Not found', `No route matches ${ctx.method} ${ctx.path}.`)
  if ('allowed' in found) {
    const error = ctx.renderError(405, 'Method not allowed', `${ctx.method} is not supported on ${ctx.path}.`)
    throw new HttpError(error.status, error.body, error.contentType, { Allow: found.allowed.join(', ') })
  }
  ctx.params = found.params
  await found.handler(ctx)
}

/**
 * Answers what a handler threw: an HttpError as it says, anything else as a 500 in the API's shape (and on
 * stderr). Once the headers are out, no answer can be changed: the connection is cut so the client sees a failure.
 */
export function answerFailure(ctx: Context, error: unknown): void {
  if (ctx.res.headersSent) return void ctx.res.destroy()
  if (error instanceof HttpError) return ctx.send(error.status, error.body, error.contentType, error.headers)
  console.error(`[sandbox] ${ctx.method} ${ctx.path} failed:`, error)
  const failure = ctx.renderError(500, 'Internal server error', 'The sandbox failed to answer this request.')
  ctx.send(failure.status, failure.body, failure.contentType)
}
