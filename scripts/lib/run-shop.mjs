// Runs the storefront with the sandbox beside it (or alone, when Commerce Layer credentials are configured),
// each with its output prefixed, and stops both when either stops. Shared by `npm start` and `npm run dev`.
import concurrently from 'concurrently'

export const ports = { shop: process.env.PORT ?? '3000', sandbox: process.env.SANDBOX_PORT ?? '3001' }

/**
 * Where the storefront listens: loopback only, unless HOSTNAME says otherwise (`HOSTNAME=0.0.0.0` for the LAN, a
 * container's name…). A default start is a developer's, with a sandbox anyone reaching it could sign in to.
 */
export function listenHost(environment = process.env) {
  const host = environment.HOSTNAME?.trim() || '127.0.0.1'
  // It lands in a shell command line: a host name or an address, nothing else.
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(host)) throw new Error(`HOSTNAME must be a host name or an address, not "${host}".`)
  return host
}

/** No CL_* variable set: the storefront talks to the sandbox, so the sandbox runs too. */
export const usesSandbox = !process.env.CL_CLIENT_ID && !process.env.CL_ORGANIZATION && !process.env.CL_MARKET

export function runShop({ sandboxCommand, shopCommand }) {
  const commands = [
    ...(usesSandbox ? [{ name: 'sandbox', command: sandboxCommand, prefixColor: 'magenta' }] : []),
    { name: 'shop', command: shopCommand, prefixColor: 'green' },
  ]
  console.log(
    `Storefront: http://${listenHost() === '127.0.0.1' ? 'localhost' : listenHost()}:${ports.shop}` +
      (usesSandbox ? `   Sandbox: http://localhost:${ports.sandbox}` : ''),
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
