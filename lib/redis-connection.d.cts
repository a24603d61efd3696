import type { RedisClientType } from 'redis'

export function redisUrl(): string | undefined
export function redisClient(): Promise<RedisClientType> | undefined
