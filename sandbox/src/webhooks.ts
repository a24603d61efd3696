import { createHmac } from 'node:crypto'

/**
 * Commerce Layer's real-time webhooks, as far as the sandbox models them: a POST of the resource (JSON:API, with
 * its includes) to the callback URL, its topic in `X-CommerceLayer-Topic` and `X-CommerceLayer-Signature`, the
 * base64 HMAC-SHA256 of the raw body with the webhook's shared secret (docs: "Real-time webhooks", "Callbacks
 * security"). One callback URL for every topic the sandbox fires (`SANDBOX_WEBHOOK_URL`); none, none is sent.
 */
export type WebhookConfig = { url?: string; secret: string }

export const DEFAULT_WEBHOOK_SECRET = 'sandbox-webhook-secret'

export type Delivery = { topic: string; status: number | null; at: string }

export class Webhooks {
  /** The last deliveries, for the sandbox's own door and tests (`GET /sandbox/webhooks`). */
  readonly deliveries: Delivery[] = []
  private pending = new Set<Promise<void>>()

  constructor(private readonly config: WebhookConfig) {}

  get url(): string | undefined {
    return this.config.url
  }

  /** Sends at once, without holding up the answer that caused it; a failed delivery is logged, not retried. */
  fire(topic: string, payload: unknown): void {
    const url = this.config.url
    if (!url) return
    const body = JSON.stringify(payload)
    const signature = createHmac('sha256', this.config.secret).update(body).digest('base64')
    const delivery = fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-CommerceLayer-Topic': topic,
        'X-CommerceLayer-Signature': signature,
      },
      body,
      signal: AbortSignal.timeout(10_000),
    })
      .then(
        async (response) => {
          await response.arrayBuffer().catch(() => undefined)
          this.record(topic, response.status)
        },
        () => this.record(topic, null),
      )
      .finally(() => this.pending.delete(delivery))
    this.pending.add(delivery)
  }

  /** Resolves once every delivery sent so far has been answered (for tests). */
  async settled(): Promise<void> {
    await Promise.all([...this.pending])
  }

  private record(topic: string, status: number | null): void {
    this.deliveries.push({ topic, status, at: new Date().toISOString() })
    if (this.deliveries.length > 200) this.deliveries.shift()
  }
}
