// Runs the storefront with the sandbox beside it (or alone, when Commerce Layer credentials are configured),
// each with its output prefixed, and stops both when either stops. Shared by `npm start` and `npm run dev`.
import concurrently from 'concurrently'

export const ports = { shop: process.env.PORT ?? '3000', sandbox: process.env.SANDBOX_PORT ?? '3001' }

/** No CL_* variable set: the storefront talks to the sandbox, so the sandbox runs too. */
export const usesSandbox = !process.env.CL_CLIENT_ID && !process.env.CL_ORGANIZATION && !process.env.CL_MARKET

export function runShop({ sandboxCommand, shopCommand }) {
  const commands = [
    ...(usesSandbox ? [{ name: 'sandbox', command: sandboxCommand, prefixColor: 'magenta' }] : []),
    { name: 'shop', command: shopCommand, prefixColor: 'green' },
  ]
  console.log(
    `Storefront: http://localhost:${ports.shop}` + (usesSandbox ? `   Sandbox: http://localhost:${ports.sandbox}` : ''),
  )
  const { result } = concurrently(commands, {
    killOthersOn: ['failure', 'success'],
    env: { ...process.env, PORT: ports.shop, SANDBOX_PORT: ports.sandbox },
  })
  result.then(
    () => process.exit(0),
    () => process.exit(1),
  )
}
