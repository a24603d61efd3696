import { z } from 'zod'

/**
 * What the storefront reads of Commerce Layer's resources, shared by every module that reads them. Fields a sparse
 * fieldset may leave out are nullish; each module keeps only what it shows.
 */

/**
 * A Commerce Layer resource id as the storefront accepts it from a browser (a form, a cookie, a URL): short and
 * alphanumeric. Anything else is not ours to send on.
 */
export const resourceIdSchema = z.string().regex(/^[A-Za-z0-9]{1,64}$/)

export const isResourceId = (value: unknown): value is string => resourceIdSchema.safeParse(value).success

/** A saved payment source's name; Commerce Layer may leave it out, and then the shop shows this one. */
export const savedSourceNameSchema = z
  .string()
  .nullish()
  .transform((name) => name ?? 'Saved Klarna')

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
