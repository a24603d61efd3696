import { createClient } from 'redis'

/**
 * The one Redis connection of this process, when `REDIS_URL` is set: shared state that several storefront
 * instances must agree on (sign-in throttling, ended sessions) lives there, and anything else that needs Redis
 * takes its client from here rather than opening its own. Connected on first use; none without REDIS_URL.
 */

export type RedisClient = ReturnType<typeof createClient>

// On globalThis because Next.js may bundle this module into several routes' server code (and the proxy): one
// connection per process, not one per copy.
const CLIENT_KEY: unique symbol = Symbol.for('klarna-wallet-storefront.redis')
type HoldsRedis = typeof globalThis & { [CLIENT_KEY]?: Map<string, Promise<RedisClient>> }

export function redisConfigured(environment: Record<string, string | undefined> = process.env): string | undefined {
  return environment.REDIS_URL?.trim() || undefined
}

/** The connected client for `url` (REDIS_URL by default), made once per process. */
export function redisClient(url = redisConfigured()): Promise<RedisClient> {
  if (!url) throw new Error('REDIS_URL is not set.')
  const holder = globalThis as HoldsRedis
  const clients = (holder[CLIENT_KEY] ??= new Map())
  let client = clients.get(url)
  if (!client) {
    const created = createClient({ url })
    // A dropped connection is retried by the client; report it rather than crash the process on 'error'.
    created.on('error', (error: Error) => console.error('Redis:', error.message))
    client = created.connect().then(() => created)
    client.catch(() => clients.delete(url))
    clients.set(url, client)
  }
  return client
}
