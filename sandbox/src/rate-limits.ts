/**
 * Commerce Layer's per-IP rate limits (docs: "Rate limits"), enforced when the sandbox is started with
 * `SANDBOX_RATE_LIMITS=1`. Sliding windows that never reset; over a limit the request is refused with a 429 that
 * carries `X-Ratelimit-Limit`, `X-Ratelimit-Interval` (seconds), `X-Ratelimit-Remaining` and `Retry-After`, and
 * changes nothing. A refused request does not count, so the window drains as the caller waits.
 *
 * The figures are the live environment's, the one a production storefront meets:
 * - `/oauth/token`: 30 a minute, every grant together.
 * - reads of cacheable resources (the catalogue): 1,000 a minute for the whole class, 250 per endpoint in 10 s;
 * - reads of everything else (orders, customers, wallets, …): 200 a minute for the class, 50 per endpoint in 10 s;
 * - writes: 200 a minute for all of them together, 50 per endpoint in 10 s.
 * An endpoint is the resource type (`/api/orders` and `/api/orders/:id` are one).
 */
import { HttpError } from './http/errors'
import type { Context } from './http/context'

export type Window = { limit: number; intervalSeconds: number }
export type RateLimitProfile = {
  token: Window
  cacheableAverage: Window
  cacheableBurst: Window
  uncacheableAverage: Window
  uncacheableBurst: Window
  writeAverage: Window
  writeBurst: Window
}

export const LIVE_LIMITS: RateLimitProfile = {
  token: { limit: 30, intervalSeconds: 60 },
  cacheableAverage: { limit: 1000, intervalSeconds: 60 },
  cacheableBurst: { limit: 250, intervalSeconds: 10 },
  uncacheableAverage: { limit: 200, intervalSeconds: 60 },
  uncacheableBurst: { limit: 50, intervalSeconds: 10 },
  writeAverage: { limit: 200, intervalSeconds: 60 },
  writeBurst: { limit: 50, intervalSeconds: 10 },
}

/** Commerce Layer's cacheable resources, as its rate-limit page lists them (`*_promotions` included). */
const CACHEABLE = new Set([
  'bundles',
  'imports',
  'markets',
  'prices',
  'price_lists',
  'promotions',
  'skus',
  'sku_options',
  'stock_items',
  'stock_locations',
])
const isCacheable = (type: string) => CACHEABLE.has(type) || type.endsWith('_promotions')

export type RateLimitVerdict =
  { allowed: true; headers: Record<string, string> } | { allowed: false; headers: Record<string, string> }

type Rule = { key: string; window: Window }

export class RateLimits {
  /** Accepted requests' times (ms), oldest first, per counter and IP. */
  private readonly hits = new Map<string, number[]>()

  constructor(
    private readonly profile: RateLimitProfile = LIVE_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The counters a request falls under; none for what Commerce Layer does not limit (the sandbox's own doors). */
  rulesFor(method: string, path: string): Rule[] {
    if (path === '/oauth/token') return [{ key: 'token', window: this.profile.token }]
    const match = /^\/api\/([a-z_]+)/.exec(path)
    if (!match) return []
    const endpoint = match[1] as string
    const p = this.profile
    if (method !== 'GET' && method !== 'HEAD') {
      return [
        { key: 'write', window: p.writeAverage },
        { key: `write:${endpoint}`, window: p.writeBurst },
      ]
    }
    return isCacheable(endpoint)
      ? [
          { key: 'cacheable', window: p.cacheableAverage },
          { key: `cacheable:${endpoint}`, window: p.cacheableBurst },
        ]
      : [
          { key: 'uncacheable', window: p.uncacheableAverage },
          { key: `uncacheable:${endpoint}`, window: p.uncacheableBurst },
        ]
  }

  /** Counts the request if every window it falls under has room; the headers describe the tightest window. */
  check(ip: string, method: string, path: string): RateLimitVerdict | undefined {
    const rules = this.rulesFor(method, path)
    if (rules.length === 0) return undefined
    const now = this.now()
    const states = rules.map((rule) => {
      const times = this.timesOf(`${ip} ${rule.key}`, now, rule.window)
      return { rule, times, remaining: rule.window.limit - times.length }
    })
    const full = states.find((state) => state.remaining <= 0)
    if (full) {
      const { window } = full.rule
      const freedAt = (full.times[full.times.length - window.limit] ?? now) + window.intervalSeconds * 1000
      return {
        allowed: false,
        headers: {
          'X-Ratelimit-Limit': String(window.limit),
          'X-Ratelimit-Interval': String(window.intervalSeconds),
          'X-Ratelimit-Remaining': '0',
          'Retry-After': String(Math.max(1, Math.ceil((freedAt - now) / 1000))),
        },
      }
    }
    for (const state of states) state.times.push(now)
    const tightest = states.reduce((a, b) => (b.remaining < a.remaining ? b : a))
    return {
      allowed: true,
      headers: {
        'X-Ratelimit-Limit': String(tightest.rule.window.limit),
        'X-Ratelimit-Interval': String(tightest.rule.window.intervalSeconds),
        'X-Ratelimit-Remaining': String(tightest.remaining - 1),
      },
    }
  }

  /** The times still inside the window, the older ones dropped. */
  private timesOf(key: string, now: number, window: Window): number[] {
    let times = this.hits.get(key)
    if (!times) {
      times = []
      this.hits.set(key, times)
    }
    const since = now - window.intervalSeconds * 1000
    let drop = 0
    while (drop < times.length && (times[drop] as number) <= since) drop++
    if (drop > 0) times.splice(0, drop)
    return times
  }
}

/**
 * Counts a request against the limits it falls under: over one, a 429 in the shape of the request's API (thrown,
 * so nothing else happens); under them, the tightest window's headers on the answer.
 */
export function enforceRateLimit(rateLimits: RateLimits, ctx: Context): void {
  const verdict = rateLimits.check(ctx.req.socket.remoteAddress ?? '', ctx.method, ctx.path)
  if (!verdict) return
  if (!verdict.allowed) {
    const refusal = ctx.renderError(429, 'Too many requests', 'This IP sent more requests than the rate limit allows.')
    throw new HttpError(refusal.status, refusal.body, refusal.contentType, verdict.headers)
  }
  for (const [name, value] of Object.entries(verdict.headers)) ctx.res.setHeader(name, value)
}
