import { z } from 'zod'

/** Klarna's payment categories, as a klarna_payment's `payment_methods` lists them. */
export const klarnaCategoriesSchema = z.array(z.object({ identifier: z.string(), name: z.string() })).nullish()

export type KlarnaCategory = { identifier: string; name: string }

export const toKlarnaCategories = (raw: z.infer<typeof klarnaCategoriesSchema>): KlarnaCategory[] =>
  (raw ?? []).map(({ identifier, name }) => ({ identifier, name }))
