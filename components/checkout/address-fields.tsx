import { TextField } from '@/components/ui/text-field'
import type { CheckoutAddress } from '@/lib/commerce-layer/checkout'
import { countryOptions } from '@/lib/countries'
import type { AddressField, CheckoutField } from './checkout-form-schema'

type Props = {
  prefix: 'billing' | 'shipping'
  initial: CheckoutAddress | null
  values: Partial<Record<CheckoutField, string>>
  errors: Partial<Record<CheckoutField, string>>
  countries: readonly string[]
}

/** One address, with the labels and autocomplete tokens browsers and password managers understand. */
export function AddressFields({ prefix, initial, values, errors, countries }: Props) {
  const name = (field: AddressField) => `${prefix}.${field}` as const
  const value = (field: AddressField) => values[name(field)] ?? initial?.[field] ?? ''
  const auto = (token: string) => `section-${prefix} ${prefix} ${token}`
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField
        label="First name"
        name={name('firstName')}
        autoComplete={auto('given-name')}
        defaultValue={value('firstName')}
        error={errors[name('firstName')]}
        required
      />
      <TextField
        label="Last name"
        name={name('lastName')}
        autoComplete={auto('family-name')}
        defaultValue={value('lastName')}
        error={errors[name('lastName')]}
        required
      />
      <TextField
        label="Street address"
        name={name('line1')}
        autoComplete={auto('street-address')}
        defaultValue={value('line1')}
        error={errors[name('line1')]}
        className="sm:col-span-2"
        required
      />
      <TextField
        label="City"
        name={name('city')}
        autoComplete={auto('address-level2')}
        defaultValue={value('city')}
        error={errors[name('city')]}
        required
      />
      <TextField
        label="Postal code"
        name={name('zipCode')}
        autoComplete={auto('postal-code')}
        defaultValue={value('zipCode')}
        error={errors[name('zipCode')]}
        required
      />
      <CountrySelect
        name={name('countryCode')}
        autoComplete={auto('country')}
        defaultValue={value('countryCode') || 'IT'}
        error={errors[name('countryCode')]}
        countries={countries}
      />
      <TextField
        label="Phone"
        name={name('phone')}
        type="tel"
        autoComplete={auto('tel')}
        defaultValue={value('phone')}
        error={errors[name('phone')]}
        required
      />
    </div>
  )
}

function CountrySelect({
  name,
  autoComplete,
  defaultValue,
  error,
  countries,
}: {
  name: string
  autoComplete: string
  defaultValue: string
  error?: string
  countries: readonly string[]
}) {
  const id = `${name}-select`
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        Country
      </label>
      <select
        id={id}
        name={name}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`mt-1 h-12 w-full rounded-xl border bg-white px-3 text-base ${error ? 'border-red-600' : 'border-stone-300'}`}
      >
        {countryOptions(countries).map((country) => (
          <option key={country.code} value={country.code}>
            {country.name}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  )
}
