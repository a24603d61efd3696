import { z } from 'zod'

/**
 * The Commerce Layer stand-in's Klarna gateway integration: Klarna's REST API over HTTP, with the merchant's
 * credentials from the Klarna gateway, exactly as a real gateway integration calls api.klarna.com. In the sandbox
 * the base URL is the sandbox's own `/klarna`, where the Klarna stand-in answers.
 */

export type KlarnaCredentials = { apiKey: string; apiSecret: string }

export type KlarnaOrderLine = {
  type: 'physical' | 'shipping_fee' | 'surcharge'
  reference?: string
  name: string
  quantity: number
  unit_price: number
  tax_rate: number
  total_amount: number
  total_tax_amount: number
  total_discount_amount?: number
  image_url?: string
}

export type KlarnaAddress = {
  given_name?: string
  family_name?: string
  organization_name?: string
  email?: string
  street_address: string
  street_address2?: string
  postal_code?: string
  city: string
  region?: string
  phone?: string
  country: string
}

export type KlarnaOrderData = {
  purchase_country: string
  purchase_currency: string
  locale: string
  order_amount: number
  order_tax_amount: number
  order_lines: KlarnaOrderLine[]
  billing_address?: KlarnaAddress
  shipping_address?: KlarnaAddress
  merchant_reference1?: string
}

export type KlarnaSessionRequest = KlarnaOrderData & { intent: 'buy' | 'buy_and_tokenize' }

const categorySchema = z.object({
  identifier: z.string(),
  name: z.string(),
  asset_urls: z.object({ descriptive: z.string().optional(), standard: z.string().optional() }).optional(),
})
const sessionSchema = z.object({
  session_id: z.string(),
  client_token: z.string(),
  payment_method_categories: z.array(categorySchema).default([]),
})
const orderSchema = z.object({
  order_id: z.string(),
  redirect_url: z.string().optional(),
  fraud_status: z.string().optional(),
  authorized_payment_method: z
    .object({ type: z.string(), number_of_days: z.number().optional(), number_of_installments: z.number().optional() })
    .optional(),
})
const customerTokenSchema = z.object({
  token_id: z.string(),
  redirect_url: z.string().optional(),
  payment_method_reference: z.string().optional(),
  billing_address: z.object({ email: z.string().optional() }).optional(),
})
const customerTokenStatusSchema = z.object({ status: z.string(), payment_method_type: z.string().optional() })
const errorSchema = z.object({
  correlation_id: z.string().optional(),
  error_code: z.string().optional(),
  error_messages: z.array(z.string()).optional(),
})

export type KlarnaSession = z.infer<typeof sessionSchema>
export type KlarnaOrder = z.infer<typeof orderSchema>
export type KlarnaCustomerToken = z.infer<typeof customerTokenSchema>

/** Klarna refused (its status, error_code and messages), or could not be reached (status 0). */
export class KlarnaError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: string[],
  ) {
    super(`Klarna answered ${status} ${code}: ${messages.join('; ')}`)
  }

  /** One sentence for a Commerce Layer error detail. */
  get explanation(): string {
    if (this.status === 0) return `Klarna could not be reached (${this.messages.join('; ')}).`
    return `Klarna answered ${this.status} ${this.code}${this.messages.length ? `: ${this.messages.join('; ')}` : ''}.`
  }
}

const TIMEOUT_MS = 10_000

export class KlarnaGateway {
  constructor(private readonly baseUrl: () => string) {}

  private async request<T>(
    credentials: KlarnaCredentials,
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string>; schema?: z.ZodType<T> } = {},
  ): Promise<T | undefined> {
    const authorization = `Basic ${Buffer.from(`${credentials.apiKey}:${credentials.apiSecret}`).toString('base64')}`
    let response: Response
    try {
      response = await fetch(`${this.baseUrl()}${path}`, {
        method,
        headers: {
          Authorization: authorization,
          Accept: 'application/json',
          ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...options.headers,
        },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      })
    } catch (error) {
      throw new KlarnaError(0, 'UNREACHABLE', [error instanceof Error ? error.message : String(error)])
    }
    const text = await response.text()
    const json: unknown = text ? safeJson(text) : undefined
    if (!response.ok) {
      const parsed = errorSchema.safeParse(json)
      throw new KlarnaError(response.status, parsed.data?.error_code ?? 'ERROR', parsed.data?.error_messages ?? [])
    }
    if (!options.schema) return undefined
    const parsed = options.schema.safeParse(json)
    if (!parsed.success)
      throw new KlarnaError(response.status, 'UNEXPECTED_RESPONSE', [`${method} ${path} returned an unexpected body`])
    return parsed.data
  }

  async createSession(credentials: KlarnaCredentials, session: KlarnaSessionRequest): Promise<KlarnaSession> {
    return (await this.request(credentials, 'POST', '/payments/v1/sessions', {
      body: session,
      schema: sessionSchema,
    })) as KlarnaSession
  }

  async updateSession(credentials: KlarnaCredentials, sessionId: string, session: KlarnaSessionRequest): Promise<void> {
    await this.request(credentials, 'POST', `/payments/v1/sessions/${encodeURIComponent(sessionId)}`, { body: session })
  }

  async createOrder(
    credentials: KlarnaCredentials,
    authorizationToken: string,
    order: KlarnaOrderData,
  ): Promise<KlarnaOrder> {
    const path = `/payments/v1/authorizations/${encodeURIComponent(authorizationToken)}/order`
    return (await this.request(credentials, 'POST', path, { body: order, schema: orderSchema })) as KlarnaOrder
  }

  async createCustomerToken(
    credentials: KlarnaCredentials,
    authorizationToken: string,
    request: {
      purchase_country: string
      purchase_currency: string
      locale: string
      description: string
      billing_address?: KlarnaAddress
    },
  ): Promise<KlarnaCustomerToken> {
    const path = `/payments/v1/authorizations/${encodeURIComponent(authorizationToken)}/customer-token`
    const body = { ...request, intended_use: 'SUBSCRIPTION' }
    return (await this.request(credentials, 'POST', path, { body, schema: customerTokenSchema })) as KlarnaCustomerToken
  }

  async readCustomerToken(credentials: KlarnaCredentials, token: string) {
    const path = `/customer-token/v1/tokens/${encodeURIComponent(token)}`
    return (await this.request(credentials, 'GET', path, { schema: customerTokenStatusSchema })) as z.infer<
      typeof customerTokenStatusSchema
    >
  }

  /** Charges a customer token. The idempotency key makes a retried placement return the first order, not a second one. */
  async createCustomerTokenOrder(
    credentials: KlarnaCredentials,
    token: string,
    idempotencyKey: string,
    order: Omit<KlarnaOrderData, 'purchase_country' | 'locale' | 'billing_address'>,
  ): Promise<KlarnaOrder> {
    const path = `/customer-token/v1/tokens/${encodeURIComponent(token)}/order`
    const headers = { 'Klarna-Idempotency-Key': idempotencyKey }
    return (await this.request(credentials, 'POST', path, { body: order, headers, schema: orderSchema })) as KlarnaOrder
  }

  async cancelCustomerToken(credentials: KlarnaCredentials, token: string): Promise<void> {
    await this.request(credentials, 'PATCH', `/customer-token/v1/tokens/${encodeURIComponent(token)}/status`, {
      body: { status: 'CANCELLED' },
    })
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
