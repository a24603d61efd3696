import { createHmac } from 'node:crypto'
import type { APIRequestContext } from '@playwright/test'

/** The sandbox signs its webhooks with its documented default secret; tests sign theirs the same way. */
export const SANDBOX_WEBHOOK_SECRET = 'sandbox-webhook-secret'
export const WEBHOOK_PATH = '/api/webhooks/commerce-layer'

/** A webhook as Commerce Layer sends it: the body, and its topic and signature headers. */
export function signedWebhook(topic: string, payload: unknown, secret = SANDBOX_WEBHOOK_SECRET) {
  const body = JSON.stringify(payload)
  const signature = createHmac('sha256', secret).update(body).digest('base64')
  return { body, signature, headers: { 'X-CommerceLayer-Topic': topic, 'X-CommerceLayer-Signature': signature } }
}

/** Expires the shop's whole cached catalogue, as a catalogue change that names no SKU does. */
export async function expireCatalogue(request: APIRequestContext): Promise<number> {
  const webhook = signedWebhook('prices.update', { data: { type: 'prices', attributes: {} } })
  return (await request.post(WEBHOOK_PATH, { data: webhook.body, headers: webhook.headers })).status()
}
