import type { Context } from './context'

/** What the sandbox remembers of each request, for `GET /sandbox/requests` and the benchmarks. */
export type LoggedRequest = {
  seq: number
  at: string
  method: string
  path: string
  query: string
  status: number
  ms: number
  /** The request body as sent (at most 4 KB), secrets replaced by "[redacted]"; absent when there was none. */
  body?: string
}

const LOGGED_BODY_CHARS = 4096
const SECRET_KEYS = /^(password|refresh_token|client_secret|api_secret|auth_token|authorization_token)$/i

/** A body fit for the log: readable JSON with its secrets redacted, cut at 4 KB. */
export function loggableBody(raw: Buffer | undefined): string | undefined {
  if (!raw || raw.length === 0) return undefined
  const text = raw.subarray(0, LOGGED_BODY_CHARS * 4).toString('utf8')
  let shown = text
  try {
    shown = JSON.stringify(JSON.parse(text), (key, value) => (SECRET_KEYS.test(key) ? '[redacted]' : value))
  } catch {
    // Not JSON (or cut short): logged as text, since it carries no field we could redact by name.
  }
  return shown.length > LOGGED_BODY_CHARS ? `${shown.slice(0, LOGGED_BODY_CHARS)}…` : shown
}

/**
 * Logs a request once it is answered (or cut): in the request log, and as one line on stdout when `echo` is set.
 * `started` is the `performance.now()` reading taken when it arrived.
 */
export function recordRequest(log: RequestLog, ctx: Context, started: number, echo: boolean): void {
  const ms = Math.round((performance.now() - started) * 10) / 10
  const status = ctx.res.statusCode
  log.add({
    at: new Date().toISOString(),
    method: ctx.method,
    path: ctx.path,
    query: ctx.url.search,
    status,
    ms,
    body: loggableBody(ctx.rawBody),
  })
  if (echo) process.stdout.write(`${ctx.method} ${ctx.path}${ctx.url.search} ${status} ${ms}ms\n`)
}

/** A bounded, in-memory log: the newest entries win, the oldest fall off. */
export class RequestLog {
  private entries: LoggedRequest[] = []
  private seq = 0

  constructor(private readonly capacity = 10_000) {}

  add(entry: Omit<LoggedRequest, 'seq'>): LoggedRequest {
    const logged = { ...entry, seq: ++this.seq }
    this.entries.push(logged)
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity)
    return logged
  }

  /** Entries after `since` (a seq number), oldest first. */
  list(since = 0): LoggedRequest[] {
    return this.entries.filter((entry) => entry.seq > since)
  }

  get lastSeq(): number {
    return this.seq
  }

  clear(): void {
    this.entries = []
  }
}
