import { revalidateTag } from 'next/cache'
import { isSignedByCommerceLayer, tagsToRevalidate } from '@/lib/commerce-layer/webhooks'
import { env } from '@/lib/env'

/** Commerce Layer's bodies are a resource and its includes; anything far larger is not one of them. */
const MAX_BODY_BYTES = 1_000_000

/**
 * Commerce Layer tells the shop that prices, stock or SKUs changed, or that an order took stock: the cached reads
 * it names are revalidated, so the next view reads them again. Only a body signed with the webhook's secret counts;
 * anything else is a 401 and changes nothing.
 */
export async function POST(request: Request) {
  const rawBody = Buffer.from(await request.arrayBuffer())
  const { webhookSecret, commerceLayer } = env()
  const signature = request.headers.get('x-commercelayer-signature')
  if (rawBody.length > MAX_BODY_BYTES || !isSignedByCommerceLayer(rawBody, signature, webhookSecret)) {
    return Response.json({ error: 'The signature does not match this body.' }, { status: 401 })
  }
  let payload: unknown
  try {
    payload = JSON.parse(rawBody.toString('utf8'))
  } catch {
    return Response.json({ error: 'The body is not JSON.' }, { status: 400 })
  }
  const topic = request.headers.get('x-commercelayer-topic') ?? ''
  const tags = tagsToRevalidate(topic, payload, commerceLayer)
  // Expired at once, not served stale while it refreshes: "out of stock" must show on the very next view.
  for (const tag of tags) revalidateTag(tag, { expire: 0 })
  return Response.json({ revalidated: tags })
}
