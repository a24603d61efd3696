import { z } from 'zod'

/**
 * What the storefront reads of Commerce Layer's resources, shared by every module that reads them. Fields a sparse
 * fieldset may leave out are nullish; each module keeps only what it shows.
 */

export const addressSchema = z.object({
  full_name: z.string().nullish(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  line_1: z.string(),
  city: z.string(),
  zip_code: z.string().nullish(),
  country_code: z.string(),
  phone: z.string().nullish(),
})

export const lineItemSchema = z.object({
  id: z.string(),
  /** `skus` for what the shopper picked; shipping and payment costs are line items too. */
  item_type: z.string().nullish(),
  sku_code: z.string().nullish(),
  name: z.string().nullish(),
  image_url: z.string().nullish(),
  quantity: z.number().int(),
  unit_amount_cents: z.number().int().nullish(),
  total_amount_cents: z.number().int().nullish(),
  tax_amount_cents: z.number().int().nullish(),
  tax_rate: z.number().nullish(),
})

/** Klarna's payment categories, as a klarna_payment's `payment_methods` lists them. */
export const klarnaCategoriesSchema = z.array(z.object({ identifier: z.string(), name: z.string() })).nullish()

export type KlarnaCategory = { identifier: string; name: string }

export const toKlarnaCategories = (raw: z.infer<typeof klarnaCategoriesSchema>): KlarnaCategory[] =>
  (raw ?? []).map(({ identifier, name }) => ({ identifier, name }))
