// One Redis connection per process, only when REDIS_URL is set. Plain CommonJS because two module graphs need it:
// Next.js loads the cache handler (lib/next-cache-handler.cjs) at run time outside the app's bundle, and the app
// reaches it through lib/redis.ts. The connection lives on globalThis, so both share one socket.
const CONNECTION = Symbol.for('klarna-wallet-storefront.redis')

function redisUrl() {
  const url = process.env.REDIS_URL?.trim()
  return url ? url : undefined
}

/** The process's Redis client, connected, or undefined without REDIS_URL. Never throws: a refused command does. */
function redisClient() {
  const url = redisUrl()
  if (!url) return undefined
  const holder = globalThis
  if (!holder[CONNECTION]) {
    const { createClient } = require('redis')
    const client = createClient({
      url,
      // While Redis is away, commands fail at once (callers fall back to Commerce Layer) instead of queueing.
      disableOfflineQueue: true,
      socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000) },
    })
    let lastComplaint = 0
    client.on('error', (error) => {
      // Reconnection attempts repeat the same error; once every 10 s is enough to notice.
      if (Date.now() - lastComplaint < 10_000) return
      lastComplaint = Date.now()
      console.error(`Redis (${url.replace(/\/\/[^@]*@/, '//')}): ${error.message}`)
    })
    holder[CONNECTION] = client.connect().then(
      () => client,
      () => client,
    )
  }
  return holder[CONNECTION]
}

module.exports = { redisClient, redisUrl }
