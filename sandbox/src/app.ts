import { createServer, type Server } from 'node:http'
import { createClock, type Clock } from './clock'
import { migrate, openDatabase, type Db } from './db/database'
import { Faults } from './faults'
import { Context } from './http/context'
import { corsByPath } from './http/cors'
import { answerFailure, dispatch } from './http/dispatch'
import { guardDoor, isDoorPath, ownHostNames } from './http/door-guard'
import { errorShapeByPath } from './http/error-shapes'
import { listenOn, stopListening } from './http/listening'
import { recordRequest, RequestLog } from './http/request-log'
import { Router } from './http/router'
import { answerUnparsableRequest } from './http/unparsable-request'
import { sandboxModules } from './modules'
import { enforceRateLimit, type RateLimits } from './rate-limits'
import { DEFAULT_SANDBOX_DOMAIN } from './seed-constants'
import { seedOnce } from './seed-once'
import { DEFAULT_WEBHOOK_SECRET, Webhooks, type WebhookConfig } from './webhooks'
import type { SandboxModule, Services } from './module'

export type SandboxOptions = {
  /** A SQLite file, or ':memory:' (the default, for tests). */
  dbPath?: string
  clock?: Clock
  /** Added before every Commerce Layer and Klarna answer, to show what a slow network looks like. */
  latencyMs?: number
  /** One line per request on stdout. */
  logRequests?: boolean
  modules?: readonly SandboxModule[]
  /** Commerce Layer's per-IP rate limits (`SANDBOX_RATE_LIMITS=1`): off unless given. */
  rateLimits?: RateLimits
  /** Where Commerce Layer's webhooks go, and the secret they are signed with (none sent without a URL). */
  webhooks?: Partial<WebhookConfig>
  /** Host names besides loopback under which the sandbox's doors answer (SANDBOX_HOSTNAME). */
  hostNames?: readonly string[]
  /**
   * The origin browsers reach the sandbox by, for absolute URLs such as SKU images (`SANDBOX_PUBLIC_URL`).
   * Unset: the origin each request came in by.
   */
  publicUrl?: string
  /** The domain tokens name as Commerce Layer's do: `iss` is `https://auth.<domain>` (`SANDBOX_DOMAIN`). */
  domain?: string
}

export type Sandbox = {
  server: Server
  db: Db
  clock: Clock
  requestLog: RequestLog
  webhooks: Webhooks
  /** Starts listening (port 0 picks a free one) and resolves to the origin, e.g. http://127.0.0.1:3001. */
  listen(port?: number, host?: string): Promise<string>
  close(): Promise<void>
}

/**
 * The sandbox: its modules' tables migrated and seeded, their routes behind one HTTP server. Each request passes
 * the staged faults, is dispatched to its route, has what it threw answered in its API's error shape, and is
 * logged.
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const modules = options.modules ?? sandboxModules
  const db = openDatabase(options.dbPath ?? ':memory:')
  const clock = options.clock ?? createClock()
  const requestLog = new RequestLog()
  let origin = ''
  const faults = new Faults(clock, options.latencyMs ?? 0)
  const webhooks = new Webhooks({ secret: DEFAULT_WEBHOOK_SECRET, ...options.webhooks })
  const rateLimits = options.rateLimits
  const services: Services = {
    db,
    clock,
    requestLog,
    faults,
    webhooks,
    rateLimits,
    selfOrigin: () => origin,
    publicUrl: options.publicUrl?.replace(/\/+$/, ''),
    domain: options.domain ?? DEFAULT_SANDBOX_DOMAIN,
  }

  migrate(
    db,
    modules.flatMap((part) => part.migrations),
  )
  seedOnce(services, modules)

  const router = new Router()
  for (const part of modules) part.routes(router, services)
  const errorShapeFor = errorShapeByPath(modules.map((part) => part.errorRenderers))
  const answeredByCors = corsByPath(modules.map((part) => part.corsPrefixes))
  const echoRequests = options.logRequests ?? false
  const ownHosts = ownHostNames(options.hostNames)

  const server = createServer(async (req, res) => {
    const started = performance.now()
    const ctx = new Context(req, res, errorShapeFor)
    try {
      if (isDoorPath(ctx.path)) guardDoor(ctx, ownHosts)
      if ((await faults.letThrough(ctx.path, res)) && !answeredByCors(ctx)) {
        if (rateLimits) enforceRateLimit(rateLimits, ctx)
        await dispatch(router, ctx)
      }
    } catch (error) {
      answerFailure(ctx, error)
    } finally {
      recordRequest(requestLog, ctx, started, echoRequests)
    }
  })
  server.keepAliveTimeout = 65_000
  server.on('clientError', answerUnparsableRequest(errorShapeFor))

  return {
    server,
    db,
    clock,
    requestLog,
    webhooks,
    async listen(port = 0, host = '127.0.0.1') {
      origin = await listenOn(server, port, host)
      return origin
    },
    async close() {
      await stopListening(server)
      db.close()
    },
  }
}
