import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** Starts listening (port 0 picks a free one) and resolves to the origin, e.g. http://127.0.0.1:3001. */
export function listenOn(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo
      resolve(`http://${host}:${address.port}`)
    })
  })
}

/** Stops listening and drops every open connection, keep-alive ones included, so closing never waits on a client. */
export function stopListening(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections()
    server.close(() => resolve())
  })
}
