import 'server-only'

/**
 * One Buy now per click, however many times the request arrives: a double click, a retry, a replayed request.
 * Requests with the same key (the customer and the page's attempt id) share the first one's work while it runs and
 * its order once placed; a failure is forgotten, so clicking again tries again. Kept in this process for ten
 * minutes: with several instances, a load balancer's session affinity keeps one shopper's clicks on one.
 */
const KEPT_MS = 10 * 60 * 1000
const flights = new Map<string, { result: Promise<string>; expires: number }>()

export function once(key: string, work: () => Promise<string>): Promise<string> {
  const now = Date.now()
  for (const [staleKey, flight] of flights) if (flight.expires < now) flights.delete(staleKey)
  const existing = flights.get(key)
  if (existing) return existing.result
  const result = work()
  flights.set(key, { result, expires: now + KEPT_MS })
  result.catch(() => flights.delete(key))
  return result
}
