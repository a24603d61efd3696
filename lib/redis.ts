import 'server-only'
import { redisClient as sharedRedisClient, redisUrl } from './redis-connection.cjs'

/**
 * The storefront's Redis, when REDIS_URL is set: the shared cache (Next.js's cache handler) and whatever else
 * several instances must share use this one connection. Undefined without REDIS_URL: everything then lives in
 * the process, as on a single instance.
 */
export function redisClient() {
  return sharedRedisClient()
}

export const usesRedis = (): boolean => redisUrl() !== undefined
