import { createSandbox } from '../src/app'

/**
 * The sandbox as the benchmark measures it: its own process (so the load generator has the other core), a
 * SQLite file in WAL mode as `npm run sandbox` uses, no request log on stdout. Prints its origin, then serves.
 */
const dbPath = process.argv[2]
if (!dbPath) throw new Error('usage: tsx sandbox/bench/server.ts <database file>')
const sandbox = createSandbox({ dbPath })
sandbox.listen(0).then((origin) => process.stdout.write(`${JSON.stringify({ origin })}\n`))
process.on('SIGTERM', () => {
  sandbox.close().then(() => process.exit(0))
})
