// `npm start`: the storefront's production build on PORT (3000) and the sandbox on SANDBOX_PORT (3001).
// With Commerce Layer credentials configured (CL_CLIENT_ID, CL_ORGANIZATION, CL_MARKET) only the storefront runs.
import { spawnSync } from 'node:child_process'
import concurrently from 'concurrently'

const port = process.env.PORT ?? '3000'
const sandboxPort = process.env.SANDBOX_PORT ?? '3001'
const usesSandbox = !process.env.CL_CLIENT_ID && !process.env.CL_ORGANIZATION && !process.env.CL_MARKET

const build = spawnSync(process.execPath, [new URL('./build-if-needed.mjs', import.meta.url).pathname], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

const commands = [
  ...(usesSandbox ? [{ name: 'sandbox', command: 'tsx sandbox/src/main.ts', prefixColor: 'magenta' }] : []),
  { name: 'shop', command: `next start -p ${port}`, prefixColor: 'green' },
]
console.log(`Storefront: http://localhost:${port}` + (usesSandbox ? `   Sandbox: http://localhost:${sandboxPort}` : ''))

const { result } = concurrently(commands, {
  killOthersOn: ['failure', 'success'],
  env: { ...process.env, PORT: port, SANDBOX_PORT: sandboxPort },
})
result.then(
  () => process.exit(0),
  () => process.exit(1),
)
