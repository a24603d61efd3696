/**
 * The countries checkout ships to, and their names. Commerce Layer gives a sales channel no list of them (a
 * market's shipping zones are not readable with its token), so the list is configured (SHIPPING_COUNTRIES, see
 * lib/env.ts) or, by default, the countries Klarna sells in with the order's currency; the names are ours.
 */
const names = new Intl.DisplayNames(['en'], { type: 'region' })

/**
 * Klarna pairs each purchase country with one currency (Klarna Payments' market list): a session in any other
 * currency is refused. Euro countries take EUR; the others their own currency.
 */
const KLARNA_COUNTRIES_BY_CURRENCY: Record<string, readonly string[]> = {
  EUR: ['AT', 'BE', 'DE', 'ES', 'FI', 'FR', 'IE', 'IT', 'NL', 'PT'],
  SEK: ['SE'],
  DKK: ['DK'],
  NOK: ['NO'],
  PLN: ['PL'],
  CHF: ['CH'],
  GBP: ['GB'],
  USD: ['US'],
}

/** The countries Klarna serves in a currency (none for a currency Klarna does not take). */
export function klarnaCountriesFor(currency: string): readonly string[] {
  return KLARNA_COUNTRIES_BY_CURRENCY[currency.toUpperCase()] ?? []
}

/** The configured list when there is one, else Klarna's countries for the currency. */
export function shippingCountries(configured: readonly string[] | null, currency: string): string[] {
  return [...(configured ?? klarnaCountriesFor(currency))]
}

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
