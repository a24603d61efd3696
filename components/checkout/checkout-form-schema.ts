import { z } from 'zod'

/**
 * The checkout details form, checked on the server (its errors are shown next to the fields). Shared field
 * names keep the form and the action in step.
 */

export const ADDRESS_FIELDS = ['firstName', 'lastName', 'line1', 'city', 'zipCode', 'countryCode', 'phone'] as const
export type AddressField = (typeof ADDRESS_FIELDS)[number]
export type CheckoutField = 'email' | `billing.${AddressField}` | `shipping.${AddressField}` | 'shippingMethodId'

const requiredText = (label: string, max = 100) =>
  z.string().trim().min(1, `Enter your ${label}.`).max(max, `Your ${label} is too long.`)

export function addressSchema(countries: readonly string[]) {
  return z.object({
    firstName: requiredText('first name'),
    lastName: requiredText('last name'),
    line1: requiredText('street address', 200),
    city: requiredText('city'),
    zipCode: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/, 'Enter a postal code like 20121.'),
    countryCode: z.string().refine((code) => countries.includes(code), 'Choose a country we deliver to.'),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{6,20}$/, 'Enter a phone number like +39 02 1234567.'),
  })
}

export { emailSchema } from '@/lib/email'
