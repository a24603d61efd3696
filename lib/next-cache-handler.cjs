// Next.js's cache handler (next.config.js `cacheHandler`). Pages and route bodies go to Next's own file-system
// cache, unchanged. Data-cache entries (`unstable_cache`: the catalogue and the sales channel's token) go to
// Redis when REDIS_URL is set, so every instance reads the same catalogue and a revalidation received by one
// reaches all; without it they stay in this process's memory, forgotten at restart (never on disk, where a
// restarted shop would read a catalogue, or a token, of another day).
//
// Written against Next's documented handler interface (get, set, revalidateTag, resetRequestCache) rather than
// taken from @fortedigital/nextjs-cache-handler, whose releases for Next 16 require Node 22 (this project runs on 20).
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache').default
const { sharedRedisClient: redisClient } = require('./redis-connection.cjs')

const FETCH = 'FETCH'
const KEY_PREFIX = 'next-data-cache:'
const TAGS_KEY = 'next-data-cache-tags'
/** Entries in memory without Redis: the catalogue's pages and products, with room for odd product codes. */
const MEMORY_ENTRIES = 2000
/** How long Redis keeps an entry nobody reads: long past any `revalidate` the shop uses. */
const REDIS_ENTRY_SECONDS = 24 * 3600

const memoryEntries = new Map()
const memoryTags = new Map()

function tagsOf(ctx, value) {
  return [...new Set([...(ctx?.tags ?? []), ...(ctx?.softTags ?? []), ...(value?.tags ?? [])])]
}

/** When each tag was last revalidated (epoch ms), from Redis or from memory. */
async function revalidatedAt(tags) {
  const redis = redisClient()
  if (!redis) return tags.map((tag) => memoryTags.get(tag) ?? 0)
  if (tags.length === 0) return []
  const values = await (await redis).hmGet(TAGS_KEY, tags)
  return values.map((value) => Number(value ?? 0))
}

class StorefrontCacheHandler extends FileSystemCache {
  async get(key, ctx) {
    if (ctx?.kind !== FETCH) return super.get(key, ctx)
    try {
      const redis = redisClient()
      const entry = redis ? JSON.parse((await (await redis).get(KEY_PREFIX + key)) ?? 'null') : memoryEntries.get(key)
      if (!entry) return null
      const times = await revalidatedAt(tagsOf(ctx, entry.value))
      // A tag revalidated after the entry was written makes it a miss: the next read goes to Commerce Layer.
      if (times.some((time) => time >= entry.lastModified)) return null
      return entry
    } catch (error) {
      console.error('Data cache read failed, reading from the source instead:', error.message)
      return null
    }
  }

  async set(key, data, ctx) {
    if (data?.kind !== FETCH) return super.set(key, data, ctx)
    const entry = { lastModified: Date.now(), value: { ...data, tags: tagsOf(ctx, data) } }
    try {
      const redis = redisClient()
      if (redis) {
        await (await redis).set(KEY_PREFIX + key, JSON.stringify(entry), { EX: REDIS_ENTRY_SECONDS })
        return
      }
      memoryEntries.delete(key)
      memoryEntries.set(key, entry)
      while (memoryEntries.size > MEMORY_ENTRIES) memoryEntries.delete(memoryEntries.keys().next().value)
    } catch (error) {
      console.error('Data cache write failed (the entry is simply not cached):', error.message)
    }
  }

  async revalidateTag(tags, durations) {
    const list = typeof tags === 'string' ? [tags] : tags
    await super.revalidateTag(list, durations)
    if (list.length === 0) return
    const now = Date.now()
    const redis = redisClient()
    if (!redis) {
      for (const tag of list) memoryTags.set(tag, now)
      return
    }
    try {
      await (await redis).hSet(TAGS_KEY, Object.fromEntries(list.map((tag) => [tag, String(now)])))
    } catch (error) {
      // Other instances keep their entries until the safety-net time limit: say so, it is worth knowing.
      console.error('A revalidation could not reach Redis:', error.message)
    }
  }
}

module.exports = StorefrontCacheHandler
