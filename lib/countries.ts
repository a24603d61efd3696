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

/** "Italy" for `IT`: what a shopper reads wherever an address is shown; an unknown code stays as it is. */
export function countryName(code: string): string {
  try {
    return names.of(code) ?? code
  } catch {
    // Intl.DisplayNames throws on what is not a region code at all ("ITALY", "I-T").
    return code
  }
}

/** Options for a country field, sorted by name. */
export function countryOptions(codes: readonly string[]): { code: string; name: string }[] {
  return codes.map((code) => ({ code, name: countryName(code) })).sort((a, b) => a.name.localeCompare(b.name))
}
