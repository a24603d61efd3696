import type { Clock } from './clock'
import type { Db, Migration } from './db/database'
import type { Faults } from './faults'
import type { ErrorRenderer } from './http/errors'
import type { RequestLog } from './http/request-log'
import type { Router } from './http/router'
import type { RateLimits } from './rate-limits'
import type { Webhooks } from './webhooks'

/** What every part of the sandbox may use. */
export type Services = {
  db: Db
  clock: Clock
  requestLog: RequestLog
  /** Staged latency and outages (`/sandbox/faults`). */
  faults: Faults
  /** Commerce Layer's webhooks to the configured callback URL (`SANDBOX_WEBHOOK_URL`). */
  webhooks: Webhooks
  /** Commerce Layer's per-IP rate limits, enforced only when asked for (`SANDBOX_RATE_LIMITS=1`). */
  rateLimits: RateLimits | undefined
  /**
   * This sandbox's own origin as seen from itself (e.g. http://127.0.0.1:3001), known once it listens.
   * The Commerce Layer stand-in calls the Klarna stand-in through it, over HTTP, as a real gateway would.
   */
  selfOrigin(): string
  /** The origin browsers use for absolute URLs, when it is not the one a request came in by. */
  publicUrl: string | undefined
  /** The domain of Commerce Layer's hosts as this sandbox's tokens name them (`https://auth.<domain>`). */
  domain: string
}

/**
 * One part of the sandbox (the Commerce Layer stand-in, the Klarna stand-in, the test doors):
 * its tables, its routes, its seed data, and the shape of the errors under its path prefixes.
 */
export type SandboxModule = {
  name: string
  migrations: readonly Migration[]
  errorRenderers?: Record<string, ErrorRenderer>
  /** Path prefixes browsers may call from any origin (CORS, preflight included). */
  corsPrefixes?: readonly string[]
  routes(router: Router, services: Services): void
  /** Fills a fresh database; runs once, in module order, inside one transaction. */
  seed?(services: Services): void
}
