// The one Redis connection per process and URL, when REDIS_URL is set. Plain CommonJS because two module graphs
// need it: Next.js loads the cache handler (lib/next-cache-handler.cjs) at run time outside the app's bundle, and
// the app reaches it through lib/redis.ts (sign-in throttling, ended sessions). The connections live on
// globalThis, so every copy of either shares one socket per URL.
const CLIENT_KEY = Symbol.for('klarna-wallet-storefront.redis')

/** REDIS_URL, trimmed, or undefined when it is not set. */
function redisUrl(environment = process.env) {
  return environment.REDIS_URL?.trim() || undefined
}

/** The connected client for `url`, made once per process; a connection that fails is forgotten, and tried anew. */
function connectRedis(url) {
  const holder = globalThis
  const clients = (holder[CLIENT_KEY] ??= new Map())
  let client = clients.get(url)
  if (!client) {
    const { createClient } = require('redis')
    const created = createClient({
      url,
      // While Redis is away, commands fail at once (callers fall back or refuse) instead of queueing.
      disableOfflineQueue: true,
      socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000) },
    })
    let lastComplaint = 0
    created.on('error', (error) => {
      // Reconnection attempts repeat the same error; once every 10 s is enough to notice.
      if (Date.now() - lastComplaint < 10_000) return
      lastComplaint = Date.now()
      console.error(`Redis: ${error.message}`)
    })
    client = created.connect().then(() => created)
    client.catch(() => clients.delete(url))
    clients.set(url, client)
  }
  return client
}

/** The process's client for REDIS_URL, or undefined without it (the cache handler then keeps its entries in memory). */
function sharedRedisClient() {
  const url = redisUrl()
  return url ? connectRedis(url) : undefined
}

module.exports = { connectRedis, redisUrl, sharedRedisClient }
