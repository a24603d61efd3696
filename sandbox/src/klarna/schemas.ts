import { z } from 'zod'
import { badValue, klarnaError } from './errors'
import type { Context } from '../http/context'

/**
 * Request bodies of Klarna's v1 APIs, field by field from the OpenAPI copies in shared/reference. Objects are
 * strict: a field Klarna does not have is refused by name (`Bad value: order_lines[0].colour`) rather than
 * silently dropped, so a mistake in the Commerce Layer adapter shows up here and not in production.
 */

const text = (max: number) => z.string().max(max)
const country = z.string().regex(/^[A-Za-z]{2}$/)
const currency = z.string().regex(/^[A-Za-z]{3}$/)
const locale = z.string().regex(/^[A-Za-z]{2}(?:-[A-Za-z]{2})*$/)
const minorUnits = z.int()

export const addressSchema = z.strictObject({
  attention: text(99).optional(),
  city: text(99).optional(),
  country: country.optional(),
  email: text(99).optional(),
  family_name: text(99).optional(),
  given_name: text(99).optional(),
  organization_name: text(99).optional(),
  phone: text(99).optional(),
  postal_code: text(10).optional(),
  region: text(99).optional(),
  street_address: text(99).optional(),
  street_address2: text(99).optional(),
  title: text(20).optional(),
})

const customerSchema = z.strictObject({
  date_of_birth: z.string().optional(),
  gender: z.string().optional(),
  last_four_ssn: z.string().optional(),
  national_identification_number: z.string().optional(),
  organization_entity_type: z.string().optional(),
  organization_registration_id: z.string().optional(),
  title: z.string().optional(),
  type: z.enum(['person', 'organization']).optional(),
  vat_id: z.string().optional(),
})

const merchantUrlsSchema = z.strictObject({
  confirmation: text(2000).optional(),
  notification: text(2000).optional(),
  push: text(2000).optional(),
  authorization: text(2000).optional(),
})

const attachmentSchema = z.strictObject({ body: z.string(), content_type: z.string() })

const hexColor = z.string().regex(/^#[A-Fa-f0-9]{6}$/)
const optionsSchema = z.strictObject({
  color_border: hexColor.optional(),
  color_border_selected: hexColor.optional(),
  color_details: hexColor.optional(),
  color_text: hexColor.optional(),
  radius_border: z.string().optional(),
})

export const orderLineSchema = z.strictObject({
  image_url: text(1024).optional(),
  merchant_data: text(1024).optional(),
  name: z.string().min(1).max(255),
  product_identifiers: z
    .strictObject({
      brand: text(70).optional(),
      category_path: text(750).optional(),
      global_trade_item_number: text(50).optional(),
      manufacturer_part_number: text(70).optional(),
      color: text(64).optional(),
      size: text(64).optional(),
    })
    .optional(),
  product_url: text(1024).optional(),
  quantity: z.int().min(0),
  quantity_unit: z.string().min(1).max(8).optional(),
  reference: text(255).optional(),
  tax_rate: z.int().min(0).max(10000).optional(),
  total_amount: minorUnits.max(200_000_000),
  total_discount_amount: minorUnits.min(0).optional(),
  total_tax_amount: minorUnits.optional(),
  type: z
    .enum(['physical', 'discount', 'shipping_fee', 'sales_tax', 'digital', 'gift_card', 'store_credit', 'surcharge'])
    .optional(),
  unit_price: minorUnits.max(200_000_000),
  subscription: z
    .strictObject({
      name: z.string().min(1).max(255),
      interval: z.enum(['DAY', 'WEEK', 'MONTH', 'YEAR']),
      interval_count: z.int().min(1),
    })
    .optional(),
})
export type OrderLine = z.infer<typeof orderLineSchema>

/** Fields Klarna computes; clients may echo them back (e.g. a session they read), and Klarna ignores them. */
const readOnlySessionFields = {
  authorization_token: z.unknown().optional(),
  client_token: z.unknown().optional(),
  expires_at: z.unknown().optional(),
  payment_method_categories: z.unknown().optional(),
  status: z.unknown().optional(),
}

const sessionFields = {
  acquiring_channel: z.enum(['ECOMMERCE', 'IN_STORE', 'TELESALES']).optional(),
  attachment: attachmentSchema.optional(),
  billing_address: addressSchema.optional(),
  custom_payment_method_ids: z.array(z.string()).optional(),
  customer: customerSchema.optional(),
  design: z.string().optional(),
  locale: locale.optional(),
  merchant_data: text(6000).optional(),
  merchant_reference1: text(255).optional(),
  merchant_reference2: text(255).optional(),
  merchant_urls: merchantUrlsSchema.optional(),
  options: optionsSchema.optional(),
  order_amount: minorUnits.min(0),
  order_lines: z.array(orderLineSchema).min(1).max(1000),
  order_tax_amount: minorUnits.min(0).optional(),
  purchase_country: country,
  purchase_currency: currency,
  shipping_address: addressSchema.optional(),
  intent: z.enum(['buy', 'tokenize', 'buy_and_tokenize']).optional(),
}

/** `POST /payments/v1/sessions` (session_create). */
export const sessionCreateSchema = z.strictObject({ ...sessionFields, ...readOnlySessionFields })
/** `POST /payments/v1/sessions/{id}` (session): any subset. */
export const sessionUpdateSchema = sessionCreateSchema.partial()
/** What the library's `authorize(options, data)` may add to a session: the same fields as an update. */
export const authorizeDataSchema = sessionUpdateSchema

/** Everything a session keeps about the purchase: the writable session fields, read-only ones dropped. */
export type SessionData = z.infer<z.ZodObject<typeof sessionFields>>

/** `POST /payments/v1/authorizations/{token}/order` (create_order_request). */
export const createOrderSchema = z.strictObject({
  authorization_token: z.unknown().optional(),
  auto_capture: z.boolean().optional(),
  billing_address: addressSchema.optional(),
  custom_payment_method_ids: z.array(z.string()).optional(),
  customer: customerSchema.optional(),
  locale: locale.optional(),
  merchant_data: text(6000).optional(),
  merchant_reference1: text(255).optional(),
  merchant_reference2: text(255).optional(),
  merchant_urls: merchantUrlsSchema.optional(),
  order_amount: minorUnits.min(0),
  order_lines: z.array(orderLineSchema).min(1).max(1000),
  order_tax_amount: minorUnits.min(0).optional(),
  payment_method_categories: z.unknown().optional(),
  purchase_country: country,
  purchase_currency: currency,
  shipping_address: addressSchema.optional(),
  status: z.unknown().optional(),
})
export type CreateOrderRequest = z.infer<typeof createOrderSchema>

/** `POST /payments/v1/authorizations/{token}/customer-token` (customer_token_creation_request). */
export const customerTokenCreationSchema = z.strictObject({
  billing_address: addressSchema.optional(),
  customer: customerSchema.optional(),
  description: z.string().min(1).max(255),
  intended_use: z.literal('SUBSCRIPTION'),
  locale,
  purchase_country: country,
  purchase_currency: currency,
})

/**
 * `POST /customer-token/v1/tokens/{token}/order` (customer_token_order). Klarna's own examples also send
 * `locale`, `purchase_country` and `billing_address`, so those are accepted too.
 */
export const customerTokenOrderSchema = z.strictObject({
  attachment: attachmentSchema.optional(),
  auto_capture: z.boolean().optional(),
  billing_address: addressSchema.optional(),
  locale: locale.optional(),
  merchant_data: text(6000).optional(),
  merchant_reference1: text(255).optional(),
  merchant_reference2: text(255).optional(),
  merchant_urls: z.strictObject({ confirmation: text(2000), push: text(2000).optional() }).optional(),
  order_amount: minorUnits.min(1),
  order_lines: z.array(orderLineSchema).min(1).max(1000),
  order_tax_amount: minorUnits.min(0),
  purchase_country: country.optional(),
  purchase_currency: currency,
  shipping_address: addressSchema.optional(),
})
export type CustomerTokenOrderRequest = z.infer<typeof customerTokenOrderSchema>

/** `PATCH /customer-token/v1/tokens/{token}/status`: the only change Klarna allows is to CANCELLED. */
export const customerTokenStatusSchema = z.strictObject({ status: z.literal('CANCELLED') })

/** `order_lines[0].total_tax_amount`, the way Klarna names a field in its messages. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out === '' ? String(part) : `.${String(part)}`
  }
  return out
}

/** The paths a failed parse complains about, unknown keys named one by one. */
export function invalidFields(error: z.ZodError): string[] {
  const fields = new Set<string>()
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys) fields.add(fieldPath([...issue.path, key]))
    else fields.add(fieldPath(issue.path) || 'body')
  }
  return [...fields]
}

/** Parses a request body or throws Klarna's 400 BAD_VALUE naming every field at fault. */
export function parseBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw badValue(invalidFields(parsed.error))
  return parsed.data
}

/**
 * The body of a REST request, parsed against its schema. Klarna's API takes JSON and nothing else: another
 * Content-Type is a 415, whatever the body looks like.
 */
export async function readBody<Schema extends z.ZodType>(ctx: Context, schema: Schema): Promise<z.infer<Schema>> {
  const given = ctx.header('content-type') ?? ''
  if (given.split(';')[0]?.trim().toLowerCase() !== 'application/json') {
    throw klarnaError(415, 'UNSUPPORTED_MEDIA_TYPE', `Content-Type must be application/json, not "${given}"`)
  }
  return parseBody(schema, await ctx.json())
}

/** Drops the read-only fields a client may have echoed back. */
export function withoutReadOnlyFields<T extends Record<string, unknown>>(
  data: T,
): Omit<T, keyof typeof readOnlySessionFields> {
  const {
    authorization_token: _a,
    client_token: _c,
    expires_at: _e,
    payment_method_categories: _p,
    status: _s,
    ...rest
  } = data
  return rest
}
