import type { createClient } from 'redis'

type RedisClient = ReturnType<typeof createClient>

export function redisUrl(environment?: Record<string, string | undefined>): string | undefined
export function connectRedis(url: string): Promise<RedisClient>
export function sharedRedisClient(): Promise<RedisClient> | undefined
