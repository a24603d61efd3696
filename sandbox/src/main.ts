import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createSandbox } from './app'

/**
 * `npm run sandbox`: the local Commerce Layer + Klarna stand-in on http://localhost:3001.
 * `npm run sandbox:reset`: wipe the database file and seed it again.
 * The database file defaults to sandbox/.data/sandbox.db, found from this file rather than the working
 * directory, so the root's scripts and the workspace's own (`npm run -w sandbox start`) share one.
 */
const port = Number(process.env.SANDBOX_PORT ?? 3001)
const dbPath = process.env.SANDBOX_DB ?? fileURLToPath(new URL('../.data/sandbox.db', import.meta.url))
const latencyMs = Number(process.env.SANDBOX_LATENCY_MS ?? 0)
const resetOnly = process.argv.includes('--reset-only')
const reset = resetOnly || process.argv.includes('--reset')

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`SANDBOX_PORT must be a port number, not "${process.env.SANDBOX_PORT}".`)
  process.exit(1)
}

if (reset && dbPath !== ':memory:') {
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true })
}

const sandbox = createSandbox({ dbPath, latencyMs, logRequests: !resetOnly })
if (resetOnly) {
  sandbox.db.close()
  console.log(`Sandbox database ${dbPath} wiped and seeded again.`)
  process.exit(0)
}

sandbox
  .listen(port, '127.0.0.1')
  .then(() => {
    console.log(`Sandbox (Commerce Layer + Klarna stand-ins) on http://localhost:${port}, data in ${dbPath}`)
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
