// `npm run dev`: both programs in development mode, each reloading on change.
import concurrently from 'concurrently'

const port = process.env.PORT ?? '3000'
const sandboxPort = process.env.SANDBOX_PORT ?? '3001'
const usesSandbox = !process.env.CL_CLIENT_ID && !process.env.CL_ORGANIZATION && !process.env.CL_MARKET

const commands = [
  ...(usesSandbox ? [{ name: 'sandbox', command: 'tsx watch sandbox/src/main.ts', prefixColor: 'magenta' }] : []),
  { name: 'shop', command: `next dev -p ${port}`, prefixColor: 'green' },
]
const { result } = concurrently(commands, {
  killOthersOn: ['failure', 'success'],
  env: { ...process.env, PORT: port, SANDBOX_PORT: sandboxPort },
})
result.then(
  () => process.exit(0),
  () => process.exit(1),
)
