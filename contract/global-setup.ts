import { startServers } from '../scripts/lib/servers.mjs'
import type { TestProject } from 'vitest/node'

/**
 * The contract suite's target: a real organization when CL_CLIENT_ID, CL_ORGANIZATION and CL_MARKET are set
 * (lib/env.ts reads them as the storefront does), else a fresh sandbox of its own on CONTRACT_SANDBOX_PORT.
 */
export default async function setup(project: TestProject) {
  const live = Boolean(process.env.CL_CLIENT_ID || process.env.CL_ORGANIZATION || process.env.CL_MARKET)
  if (live) {
    project.provide('sandboxUrl', null)
    return
  }
  const port = Number(process.env.CONTRACT_SANDBOX_PORT ?? 3301)
  const servers = await startServers({ sandboxPort: port, storefront: false })
  project.provide('sandboxUrl', servers.sandboxUrl)
  return () => servers.stop()
}

declare module 'vitest' {
  export interface ProvidedContext {
    sandboxUrl: string | null
  }
}
