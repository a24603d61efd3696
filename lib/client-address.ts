/**
 * The address a request came from, for per-client throttling. The storefront listens on loopback by default, so a
 * deployment reaches it through a reverse proxy, which appends the address it saw to `X-Forwarded-For`: the last
 * entry is the one this shop's own proxy vouches for (earlier ones are whatever the client sent). Next.js fills the
 * header with the socket's address when nothing is in front of it.
 */
export function clientAddress(forwardedFor: string | null | undefined): string {
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean)
  return hops.at(-1) ?? 'unknown'
}
