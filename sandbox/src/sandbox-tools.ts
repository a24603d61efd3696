import type { SandboxModule } from './module'

/**
 * Doors that exist only in the sandbox, for tests and benchmarks: the request log and the clock.
 * Never part of the Commerce Layer or Klarna surface.
 */
export const sandboxTools: SandboxModule = {
  name: 'sandbox-tools',
  migrations: [],
  routes(router, { requestLog, clock }) {
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

    // `{"advance_seconds": 3600}` moves the sandbox's clock; `{"reset": true}` puts it back.
    router.post('/sandbox/clock', async (ctx) => {
      const json = await ctx.json()
      // Any JSON may arrive (null, a number): only an object can carry the fields.
      const body = (typeof json === 'object' && json !== null ? json : {}) as { advance_seconds?: unknown; reset?: unknown }
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
