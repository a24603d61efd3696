import { badValue } from './errors'

/**
 * Klarna sells in each purchase country's own currency only (its docs' country/currency table): a session for
 * Sweden is in SEK, for Italy in EUR. Countries outside this table are not Klarna markets.
 */
const EURO_COUNTRIES = ['AT', 'BE', 'DE', 'ES', 'FI', 'FR', 'GR', 'IE', 'IT', 'NL', 'PT']

export const CURRENCY_OF_COUNTRY: Readonly<Record<string, string>> = {
  ...Object.fromEntries(EURO_COUNTRIES.map((country) => [country, 'EUR'])),
  SE: 'SEK',
  GB: 'GBP',
  US: 'USD',
  DK: 'DKK',
  NO: 'NOK',
  PL: 'PLN',
  CH: 'CHF',
  CZ: 'CZK',
  AU: 'AUD',
  CA: 'CAD',
  NZ: 'NZD',
}

/** 400 BAD_VALUE naming `purchase_country` (not a Klarna market) or `purchase_currency` (not that country's). */
export function requireCountryCurrency(order: { purchase_country: string; purchase_currency: string }): void {
  const currency = CURRENCY_OF_COUNTRY[order.purchase_country.toUpperCase()]
  if (!currency) throw badValue(['purchase_country'])
  if (order.purchase_currency.toUpperCase() !== currency) throw badValue(['purchase_currency'])
}
