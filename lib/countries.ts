/**
 * Country names for the codes a market ships to. Commerce Layer keeps the codes (the sandbox lists them in the
 * market's metadata, `shipping_country_codes`); the names are ours, in the shop's language.
 */
const names = new Intl.DisplayNames(['en'], { type: 'region' })

/** The EU countries Klarna serves, for a market that does not list its own. */
export const KLARNA_EU_COUNTRIES = [
  'AT',
  'BE',
  'DE',
  'DK',
  'ES',
  'FI',
  'FR',
  'IE',
  'IT',
  'NL',
  'PL',
  'PT',
  'SE',
] as const

function countryName(code: string): string {
  return names.of(code) ?? code
}

/** Options for a country field, sorted by name. */
export function countryOptions(codes: readonly string[]): { code: string; name: string }[] {
  return codes.map((code) => ({ code, name: countryName(code) })).sort((a, b) => a.name.localeCompare(b.name))
}
