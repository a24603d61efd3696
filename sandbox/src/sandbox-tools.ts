import type { SandboxModule } from './module'

/**
 * Doors that exist only in the sandbox, for tests and benchmarks: the request log and the clock.
 * Never part of the Commerce Layer or Klarna surface.
 */
export const sandboxTools: SandboxModule = {
  name: 'sandbox-tools',
  migrations: [],
  routes(router, { requestLog, clock, faults }) {
    router.get('/sandbox/health', (ctx) => ctx.send(200, { status: 'ok', now: new Date(clock.now()).toISOString() }))

    // Oldest first; `?since=<seq>` returns only what came after a known entry.
    router.get('/sandbox/requests', (ctx) => {
      const since = Number(ctx.query.get('since') ?? 0)
      ctx.send(200, { data: requestLog.list(Number.isFinite(since) ? since : 0), last_seq: requestLog.lastSeq })
    })
    router.delete('/sandbox/requests', (ctx) => {
      requestLog.clear()
      ctx.send(204, undefined)
    })

    // `{"latency_ms": 800}` slows every Commerce Layer and Klarna answer; `{"outage_seconds": 30}` cuts their
    // connections for that long (0 ends it); `{"reset": true}` ends both.
    router.get('/sandbox/faults', (ctx) => ctx.send(200, faults.describe()))
    router.post('/sandbox/faults', async (ctx) => {
      const body = await ctx.json()
      const change = (body !== null && typeof body === 'object' ? body : {}) as {
        latency_ms?: unknown
        outage_seconds?: unknown
        reset?: unknown
      }
      const isDuration = (value: unknown): value is number =>
        typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 3600 * 1000
      if (change.reset === true) faults.reset()
      else if (change.latency_ms === undefined && change.outage_seconds === undefined) {
        ctx.send(400, { error: 'Send {"latency_ms": <ms>}, {"outage_seconds": <s>} or {"reset": true}.' })
        return
      }
      if (change.latency_ms !== undefined) {
        if (!isDuration(change.latency_ms))
          return ctx.send(400, { error: 'latency_ms must be a number of milliseconds, 0 to 3600000.' })
        faults.latencyMs = change.latency_ms
      }
      if (change.outage_seconds !== undefined) {
        if (!isDuration(change.outage_seconds))
          return ctx.send(400, { error: 'outage_seconds must be a number of seconds, 0 to 3600000.' })
        faults.startOutage(change.outage_seconds)
      }
      ctx.send(200, faults.describe())
    })

    // `{"advance_seconds": 3600}` moves the sandbox's clock; `{"reset": true}` puts it back.
    router.post('/sandbox/clock', async (ctx) => {
      const json = await ctx.json()
      // Any JSON may arrive (null, a number): only an object can carry the fields.
      const body = (typeof json === 'object' && json !== null ? json : {}) as {
        advance_seconds?: unknown
        reset?: unknown
      }
      if (body.reset === true) clock.reset()
      else if (typeof body.advance_seconds === 'number' && Number.isFinite(body.advance_seconds)) {
        clock.advance(body.advance_seconds * 1000)
      } else {
        ctx.send(400, { error: 'Send {"advance_seconds": <number>} or {"reset": true}.' })
        return
      }
      ctx.send(200, { now: new Date(clock.now()).toISOString() })
    })
  },
}
