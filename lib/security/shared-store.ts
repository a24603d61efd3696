import { redisClient, redisConfigured, type RedisClient } from '@/lib/redis'

/**
 * Security state that must hold for every instance of the storefront: sliding windows of attempts (sign-in and
 * sign-up throttling) and marks that expire (sessions that ended). In this process's memory by default, which is
 * right for one instance; in Redis when REDIS_URL is set, so several instances count and remember together.
 */
export type SharedStore = {
  /** Records one event at `now` under `key`; answers the times (ms) of the events within the window, oldest first. */
  hit(key: string, now: number, windowMs: number): Promise<number[]>
  /** The times of the events within the window, oldest first, without adding one. */
  recent(key: string, now: number, windowMs: number): Promise<number[]>
  clear(key: string): Promise<void>
  /** A mark that lasts `ttlMs`. */
  mark(key: string, ttlMs: number): Promise<void>
  isMarked(key: string): Promise<boolean>
}

/** Past this many keys the memory store forgets the least recently touched: a flood of emails cannot fill it. */
const MAX_MEMORY_KEYS = 50_000

export function createMemoryStore({ now = Date.now, maxKeys = MAX_MEMORY_KEYS } = {}): SharedStore {
  const windows = new Map<string, number[]>()
  const marks = new Map<string, number>()

  const touch = <V>(map: Map<string, V>, key: string, value: V) => {
    map.delete(key)
    map.set(key, value)
    while (map.size > maxKeys) map.delete(map.keys().next().value as string)
  }
  const within = (key: string, at: number, windowMs: number) =>
    (windows.get(key) ?? []).filter((time) => time > at - windowMs)

  return {
    async hit(key, at, windowMs) {
      const times = [...within(key, at, windowMs), at]
      touch(windows, key, times)
      return times
    },
    async recent(key, at, windowMs) {
      const times = within(key, at, windowMs)
      if (times.length === 0) windows.delete(key)
      return times
    },
    async clear(key) {
      windows.delete(key)
    },
    async mark(key, ttlMs) {
      touch(marks, key, now() + ttlMs)
    },
    async isMarked(key) {
      const until = marks.get(key)
      if (until === undefined) return false
      if (until > now()) return true
      marks.delete(key)
      return false
    },
  }
}

/**
 * Redis: a window is a sorted set of event times (score = time), trimmed on every use and expiring with its window;
 * a mark is a key with a time to live. Keys are prefixed so they never meet another user of the same Redis.
 */
export function createRedisStore(client: () => Promise<RedisClient>, prefix = 'storefront:security:'): SharedStore {
  const windowKey = (key: string) => `${prefix}window:${key}`
  const markKey = (key: string) => `${prefix}mark:${key}`
  const timesIn = async (redis: RedisClient, key: string) =>
    (await redis.zRange(key, 0, -1)).map((member) => Number(member.split(':')[0]))

  return {
    async hit(key, at, windowMs) {
      const redis = await client()
      const name = windowKey(key)
      await redis
        .multi()
        .zRemRangeByScore(name, '-inf', at - windowMs)
        .zAdd(name, { score: at, value: `${at}:${Math.random().toString(36).slice(2)}` })
        .pExpire(name, windowMs)
        .exec()
      return timesIn(redis, name)
    },
    async recent(key, at, windowMs) {
      const redis = await client()
      const name = windowKey(key)
      await redis.zRemRangeByScore(name, '-inf', at - windowMs)
      return timesIn(redis, name)
    },
    async clear(key) {
      await (await client()).del(windowKey(key))
    },
    async mark(key, ttlMs) {
      await (await client()).set(markKey(key), '1', { PX: Math.max(1, Math.ceil(ttlMs)) })
    },
    async isMarked(key) {
      return (await (await client()).exists(markKey(key))) === 1
    },
  }
}

const STORE_KEY: unique symbol = Symbol.for('klarna-wallet-storefront.security-store')
type HoldsStore = typeof globalThis & { [STORE_KEY]?: SharedStore }

/** This process's store: Redis with REDIS_URL, memory without (one per process, whichever bundle asks). */
export function sharedStore(): SharedStore {
  const holder = globalThis as HoldsStore
  return (holder[STORE_KEY] ??= redisConfigured() ? createRedisStore(() => redisClient()) : createMemoryStore())
}
