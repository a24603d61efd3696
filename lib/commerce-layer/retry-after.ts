/** `Retry-After` (Commerce Layer's 429) in milliseconds: seconds or an HTTP date; a missing or unreadable one is a second. */
export function retryAfterMs(header: string | null, now = Date.now()): number {
  if (header && /^\d+$/.test(header.trim())) return Number(header.trim()) * 1000
  const date = header ? Date.parse(header) : NaN
  return Number.isNaN(date) ? 1000 : Math.max(0, date - now)
}
