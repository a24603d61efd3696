import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createSandbox } from './app'
import { RateLimits } from './rate-limits'

/**
 * `npm run sandbox`: the local Commerce Layer + Klarna stand-in on http://localhost:3001.
 * `npm run sandbox:reset`: wipe the database file and seed it again.
 * The database file defaults to sandbox/.data/sandbox.db, found from this file rather than the working
 * directory, so the root's scripts and the workspace's own (`npm run -w sandbox start`) share one.
 */
const port = Number(process.env.SANDBOX_PORT ?? 3001)
const dbPath = process.env.SANDBOX_DB ?? fileURLToPath(new URL('../.data/sandbox.db', import.meta.url))
const latencyMs = Number(process.env.SANDBOX_LATENCY_MS ?? 0)
const publicUrl = process.env.SANDBOX_PUBLIC_URL || undefined
const domain = process.env.SANDBOX_DOMAIN || undefined
const resetOnly = process.argv.includes('--reset-only')
const reset = resetOnly || process.argv.includes('--reset')

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`SANDBOX_PORT must be a port number, not "${process.env.SANDBOX_PORT}".`)
  process.exit(1)
}

if (publicUrl !== undefined && !/^https?:\/\/[^/?#]+\/?$/.test(publicUrl)) {
  console.error(`SANDBOX_PUBLIC_URL must be an origin such as http://localhost:3001, not "${publicUrl}".`)
  process.exit(1)
}

if (domain !== undefined && !/^[a-z0-9.-]+(:\d+)?$/i.test(domain)) {
  console.error(`SANDBOX_DOMAIN must be a domain such as localhost or commerce.test, not "${domain}".`)
  process.exit(1)
}

if (reset && dbPath !== ':memory:') {
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true })
}

// Commerce Layer's rate limits are off unless asked for; webhooks go out only to a configured callback URL.
const rateLimits = process.env.SANDBOX_RATE_LIMITS === '1' ? new RateLimits() : undefined
const webhooks = {
  url: process.env.SANDBOX_WEBHOOK_URL || undefined,
  ...(process.env.SANDBOX_WEBHOOK_SECRET ? { secret: process.env.SANDBOX_WEBHOOK_SECRET } : {}),
}
// A name the sandbox is reached under besides localhost (e.g. a container's), for its doors' Host check.
const hostNames = (process.env.SANDBOX_HOSTNAME ?? '').split(',').filter(Boolean)

const sandbox = createSandbox({
  dbPath,
  latencyMs,
  logRequests: !resetOnly,
  rateLimits,
  webhooks,
  hostNames,
  publicUrl,
  domain,
})
if (resetOnly) {
  sandbox.db.close()
  console.log(`Sandbox database ${dbPath} wiped and seeded again.`)
  process.exit(0)
}

sandbox
  .listen(port, '127.0.0.1')
  .then(() => {
    console.log(`Sandbox (Commerce Layer + Klarna stand-ins) on http://localhost:${port}, data in ${dbPath}`)
    if (rateLimits) console.log("Commerce Layer's rate limits: enforced (SANDBOX_RATE_LIMITS=1)")
    if (webhooks.url) console.log(`Webhooks: to ${webhooks.url}`)
  })
  .catch((error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `Port ${port} is in use: stop what runs there or set SANDBOX_PORT.`
        : `The sandbox could not start: ${error.message}`,
    )
    process.exit(1)
  })

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    sandbox.close().then(() => process.exit(0))
  })
}
