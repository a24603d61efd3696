import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { redisClient } from '@/lib/redis'
import { createMemoryStore, createRedisStore, type SharedStore } from './shared-store'

/** Debian's redis-server, on a loopback port of this test's own; CI must have it, a laptop may not. */
const REDIS_PORT = Number(process.env.TEST_REDIS_PORT ?? 6393)
const redisInstalled = spawnSync('redis-server', ['--version']).status === 0
if (!redisInstalled && !process.env.CI) {
  console.warn('redis-server is not installed: the Redis store tests are skipped (apt-get install redis-server).')
}

function behavesAsASharedStore(name: string, makeStore: () => SharedStore) {
  describe(name, () => {
    const key = () => `test-${Math.random().toString(36).slice(2)}`

    it('counts events within a sliding window, forgetting older ones', async () => {
      const store = makeStore()
      const k = key()
      expect(await store.hit(k, 1_000, 60_000)).toEqual([1_000])
      expect(await store.hit(k, 30_000, 60_000)).toEqual([1_000, 30_000])
      expect(await store.recent(k, 59_000, 60_000)).toEqual([1_000, 30_000])
      // At 61 s the first event has left the window; the second is still in it.
      expect(await store.recent(k, 61_000, 60_000)).toEqual([30_000])
      expect(await store.hit(k, 61_000, 60_000)).toEqual([30_000, 61_000])
      await store.clear(k)
      expect(await store.recent(k, 61_000, 60_000)).toEqual([])
    })

    it('keeps two events of the same millisecond apart', async () => {
      const store = makeStore()
      const k = key()
      await store.hit(k, 5_000, 60_000)
      expect(await store.hit(k, 5_000, 60_000)).toEqual([5_000, 5_000])
    })

    it('keeps a mark for its time to live', async () => {
      const store = makeStore()
      const k = key()
      expect(await store.isMarked(k)).toBe(false)
      await store.mark(k, 300)
      expect(await store.isMarked(k)).toBe(true)
      await new Promise((resolve) => setTimeout(resolve, 400))
      expect(await store.isMarked(k)).toBe(false)
    })
  })
}

behavesAsASharedStore('the memory store', () => createMemoryStore())

describe('the memory store, bounded', () => {
  it('forgets the least recently used key past its limit', async () => {
    const store = createMemoryStore({ maxKeys: 2 })
    await store.hit('a', 1, 60_000)
    await store.hit('b', 1, 60_000)
    await store.hit('c', 1, 60_000)
    expect(await store.recent('a', 2, 60_000)).toEqual([])
    expect(await store.recent('c', 2, 60_000)).toEqual([1])
  })
})

describe.skipIf(!redisInstalled && !process.env.CI)('with REDIS_URL: Redis', () => {
  let server: ChildProcess
  const url = `redis://127.0.0.1:${REDIS_PORT}`

  beforeAll(async () => {
    server = spawn(
      'redis-server',
      ['--port', String(REDIS_PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    )
    const deadline = Date.now() + 10_000
    for (;;) {
      try {
        await (await redisClient(url)).ping()
        return
      } catch (error) {
        if (Date.now() > deadline) throw error
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }
  })
  afterAll(async () => {
    await (await redisClient(url)).quit().catch(() => undefined)
    server?.kill()
  })

  behavesAsASharedStore('the Redis store', () => createRedisStore(() => redisClient(url), `test:${Date.now()}:`))

  it('is shared: two stores (two instances) count into one window', async () => {
    const prefix = `test-shared:${Date.now()}:`
    const one = createRedisStore(() => redisClient(url), prefix)
    const other = createRedisStore(() => redisClient(url), prefix)
    await one.hit('email', 1_000, 60_000)
    expect(await other.hit('email', 2_000, 60_000)).toEqual([1_000, 2_000])
  })
})
