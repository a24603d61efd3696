import { createSandbox } from '../src/app'

/**
 * The sandbox as the benchmark and the load test measure it: its own process (so the load generator has the
 * other core), a SQLite file in WAL mode as `npm run sandbox` uses, no request log on stdout. Configured like
 * `npm run sandbox` (`SANDBOX_DB`, `SANDBOX_PORT`); start it with `startSandboxProcess` (sandbox/test/helpers.ts).
 */
const dbPath = process.env.SANDBOX_DB
if (!dbPath) throw new Error('usage: SANDBOX_DB=<database file> SANDBOX_PORT=<port> node --import tsx bench/server.ts')
const sandbox = createSandbox({ dbPath })
sandbox
  .listen(Number(process.env.SANDBOX_PORT ?? 0))
  .then((origin) => process.stdout.write(`${JSON.stringify({ origin })}\n`))
process.on('SIGTERM', () => {
  sandbox.close().then(() => process.exit(0))
})
