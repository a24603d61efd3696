import { createServer, STATUS_CODES, type Server } from 'node:http'
import { createClock, type Clock } from './clock'
import { migrate, openDatabase, type Db } from './db/database'
import { Faults } from './faults'
import { Context } from './http/context'
import { applyCors } from './http/cors'
import { HttpError, type ErrorRenderer } from './http/errors'
import { loggableBody, RequestLog } from './http/request-log'
import { Router } from './http/router'
import { sandboxModules } from './modules'
import { DEFAULT_SANDBOX_DOMAIN } from './seed-constants'
import type { SandboxModule, Services } from './module'
import type { AddressInfo } from 'node:net'

export type SandboxOptions = {
  /** A SQLite file, or ':memory:' (the default, for tests). */
  dbPath?: string
  clock?: Clock
  /** Added before every Commerce Layer and Klarna answer, to show what a slow network looks like. */
  latencyMs?: number
  /** One line per request on stdout. */
  logRequests?: boolean
  modules?: readonly SandboxModule[]
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
  /** Starts listening (port 0 picks a free one) and resolves to the origin, e.g. http://127.0.0.1:3001. */
  listen(port?: number, host?: string): Promise<string>
  close(): Promise<void>
}

const plainError: ErrorRenderer = (status, title, detail) => new HttpError(status, { error: title, detail })

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const modules = options.modules ?? sandboxModules
  const db = openDatabase(options.dbPath ?? ':memory:')
  const clock = options.clock ?? createClock()
  const requestLog = new RequestLog()
  let origin = ''
  const faults = new Faults(clock, options.latencyMs ?? 0)
  const services: Services = {
    db,
    clock,
    requestLog,
    faults,
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
  const renderers: [string, ErrorRenderer][] = []
  for (const part of modules) {
    part.routes(router, services)
    for (const [prefix, renderer] of Object.entries(part.errorRenderers ?? {})) renderers.push([prefix, renderer])
  }
  renderers.sort((a, b) => b[0].length - a[0].length)
  const corsPrefixes = modules.flatMap((part) => part.corsPrefixes ?? [])
  const allowsCors = (path: string) => corsPrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))
  const rendererFor = (path: string) => renderers.find(([prefix]) => path.startsWith(prefix))?.[1] ?? plainError

  const logRequests = options.logRequests ?? false

  const server = createServer(async (req, res) => {
    const started = performance.now()
    const ctx = new Context(req, res, plainError)
    const path = ctx.path
    const renderError = rendererFor(path)
    Object.assign(ctx, { renderError })
    try {
      if (!path.startsWith('/sandbox/')) {
        if (faults.inOutage) {
          // Down, as far as clients can tell: the connection closes with no answer.
          res.destroy()
          return
        }
        if (faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs))
      }
      if (allowsCors(path) && applyCors(ctx)) return
      const found = router.match(ctx.method, path)
      if (!found) throw renderError(404, 'Not found', `No route matches ${ctx.method} ${path}.`)
      if ('allowed' in found) {
        const error = renderError(405, 'Method not allowed', `${ctx.method} is not supported on ${path}.`)
        throw new HttpError(error.status, error.body, error.contentType, { Allow: found.allowed.join(', ') })
      }
      ctx.params = found.params
      await found.handler(ctx)
    } catch (error) {
      if (res.headersSent) {
        res.destroy()
      } else if (error instanceof HttpError) {
        ctx.send(error.status, error.body, error.contentType, error.headers)
      } else {
        console.error(`[sandbox] ${ctx.method} ${path} failed:`, error)
        const failure = renderError(500, 'Internal server error', 'The sandbox failed to answer this request.')
        ctx.send(failure.status, failure.body, failure.contentType)
      }
    } finally {
      const ms = Math.round((performance.now() - started) * 10) / 10
      requestLog.add({
        at: new Date().toISOString(),
        method: ctx.method,
        path,
        query: ctx.url.search,
        status: res.statusCode,
        ms,
        body: loggableBody(ctx.rawBody),
      })
      if (logRequests) process.stdout.write(`${ctx.method} ${path}${ctx.url.search} ${res.statusCode} ${ms}ms\n`)
    }
  })
  server.keepAliveTimeout = 65_000
  // A request Node's parser refuses before any handler sees it (a request line and headers over 16 KB, bytes that
  // are not HTTP) gets an answer in the shape of the API it was for, not Node's bare 431/400.
  server.on('clientError', (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy()
    const requestLine = /^[A-Z]+ (\/\S*)/.exec(error.rawPacket?.toString('latin1', 0, 4096) ?? '')
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW'
    const failure = rendererFor(requestLine?.[1] ?? '')(
      tooLarge ? 431 : 400,
      tooLarge ? 'Request header fields too large' : 'Bad request',
      tooLarge ? 'The request line and headers together may take at most 16 KB.' : 'The request is not valid HTTP/1.1.',
    )
    const payload = typeof failure.body === 'string' ? failure.body : JSON.stringify(failure.body)
    socket.end(
      `HTTP/1.1 ${failure.status} ${STATUS_CODES[failure.status]}\r\nContent-Type: ${failure.contentType}\r\n` +
        `Content-Length: ${Buffer.byteLength(payload)}\r\nConnection: close\r\n\r\n${payload}`,
    )
  })

  return {
    server,
    db,
    clock,
    requestLog,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo
          origin = `http://${host}:${address.port}`
          resolve(origin)
        })
      })
    },
    close() {
      return new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => {
          db.close()
          resolve()
        })
      })
    },
  }
}

function seedOnce(services: Services, modules: readonly SandboxModule[]): void {
  const { db } = services
  db.exec('CREATE TABLE IF NOT EXISTS sandbox_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)')
  const seeded = db.prepare<[], { value: string }>("SELECT value FROM sandbox_meta WHERE key = 'seeded_at'").get()
  if (seeded) return
  db.transaction(() => {
    for (const part of modules) part.seed?.(services)
    db.prepare("INSERT INTO sandbox_meta (key, value) VALUES ('seeded_at', ?)").run(new Date().toISOString())
  })()
}
