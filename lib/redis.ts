import { connectRedis, redisUrl } from './redis-connection.cjs'
import type { createClient } from 'redis'

/**
 * The one Redis connection of this process, when `REDIS_URL` is set: shared state that several storefront
 * instances must agree on (sign-in throttling, ended sessions, the data cache of lib/next-cache-handler.cjs) lives
 * there, and anything else that needs Redis takes its client from here rather than opening its own. Connected on
 * first use; none without REDIS_URL. The connection itself is made in redis-connection.cjs, which Next's cache
 * handler, loaded outside the app's bundle, shares.
 */

export type RedisClient = ReturnType<typeof createClient>

export function redisConfigured(environment: Record<string, string | undefined> = process.env): string | undefined {
  return redisUrl(environment)
}

/** The connected client for `url` (REDIS_URL by default), made once per process. */
export function redisClient(url = redisConfigured()): Promise<RedisClient> {
  if (!url) throw new Error('REDIS_URL is not set.')
  return connectRedis(url)
}
