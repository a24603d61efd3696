import { entriesForThisBrowser } from '@/lib/api-log/server'
import { env } from '@/lib/env'

/**
 * The Developer panel's data: the Commerce Layer requests this browser caused, newest first, already redacted.
 * Only this browser's: its httpOnly cookie names the log. With the log off the route does not exist.
 */
export async function GET() {
  if (!env().showApiLog) return Response.json({ error: 'Not found.' }, { status: 404 })
  return Response.json({ entries: await entriesForThisBrowser() }, { headers: { 'Cache-Control': 'no-store' } })
}
