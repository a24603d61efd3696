import type { Context } from './context'

/**
 * Cross-origin access as Commerce Layer gives it to its API and auth host, which its own clients call from
 * browsers: any origin (the token travels in the Authorization header, never in a cookie), the API's methods, and a
 * fixed list of request headers (a header outside it is not allowed, so the browser refuses the request).
 */
const ALLOWED_METHODS = 'GET, POST, PATCH, DELETE, OPTIONS'
const ALLOWED_HEADERS = 'Accept, Authorization, Content-Type'
const EXPOSED_HEADERS = 'Retry-After, X-Ratelimit-Limit, X-Ratelimit-Interval, X-Ratelimit-Remaining'
const PREFLIGHT_MAX_AGE_SECONDS = '7200'

/**
 * For the paths under the modules' CORS prefixes: sets the CORS headers of every answer, and answers a preflight
 * itself (true) so no route sees it. Other paths get nothing (false).
 */
export function corsByPath(prefixLists: readonly (readonly string[] | undefined)[]): (ctx: Context) => boolean {
  const prefixes = prefixLists.flatMap((list) => list ?? [])
  return (ctx) => prefixes.some((prefix) => ctx.path === prefix || ctx.path.startsWith(`${prefix}/`)) && applyCors(ctx)
}

function applyCors(ctx: Context): boolean {
  ctx.res.setHeader('Access-Control-Allow-Origin', '*')
  ctx.res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS)
  if (ctx.method !== 'OPTIONS') return false
  ctx.res.writeHead(204, {
    'Access-Control-Allow-Methods': ALLOWED_METHODS,
    'Access-Control-Allow-Headers': ALLOWED_HEADERS,
    'Access-Control-Max-Age': PREFLIGHT_MAX_AGE_SECONDS,
    Vary: 'Access-Control-Request-Method, Access-Control-Request-Headers',
  })
  ctx.res.end()
  return true
}
