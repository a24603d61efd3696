import type { Context } from './context'

/**
 * The sandbox's own doors (`/sandbox/*`, `/klarna/sandbox/*`) stage outages, move the clock and show every
 * shopper's request bodies. A web page a developer happens to visit must reach none of them:
 * - a cross-site form or `fetch` can send `text/plain` without asking first, so a body must be `application/json`
 *   (which a browser only sends cross-site after a CORS preflight, and the doors answer no preflight);
 * - a DNS-rebinding page talks to the sandbox under its own host name, so the `Host` must be one of ours.
 */

export const DOOR_PREFIXES = ['/sandbox/', '/klarna/sandbox/'] as const

/** Loopback names, always the sandbox's own; a deployment adds its configured name (SANDBOX_HOSTNAME). */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const

export function isDoorPath(path: string): boolean {
  return DOOR_PREFIXES.some((prefix) => path.startsWith(prefix))
}

/** Throws the door's refusal for a request that did not come from the sandbox's own clients. */
export function guardDoor(ctx: Context, ownHosts: ReadonlySet<string>): void {
  const host = hostName(ctx.header('host'))
  if (!host || !ownHosts.has(host)) {
    throw ctx.renderError(
      403,
      'Forbidden',
      `The sandbox's doors answer only under its own host names (${[...ownHosts].join(', ')}).`,
    )
  }
  const carriesBody = Number(ctx.header('content-length') ?? 0) > 0 || ctx.header('transfer-encoding') !== undefined
  const contentType = ctx.header('content-type')?.split(';')[0]?.trim().toLowerCase()
  if (carriesBody && contentType !== 'application/json') {
    throw ctx.renderError(
      415,
      'Unsupported media type',
      `Send the door's body as application/json, not "${ctx.header('content-type') ?? ''}".`,
    )
  }
}

/** `localhost:3001` → `localhost`, `[::1]:3001` → `[::1]`, lower-cased; undefined for anything else. */
function hostName(header: string | undefined): string | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/i.exec(header?.trim() ?? '')
  return match?.[1]?.toLowerCase()
}

export function ownHostNames(configured: readonly string[] = []): Set<string> {
  return new Set([...LOOPBACK_HOSTS, ...configured.map((name) => name.trim().toLowerCase()).filter(Boolean)])
}
