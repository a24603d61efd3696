import { stableResourceId } from '../ids'
import { KLARNA_SANDBOX_API_KEY, KLARNA_SANDBOX_API_SECRET, SANDBOX_MARKET_CODE } from '../seed-constants'

/**
 * The seeded catalogue. Ids are stable (derived from a label), so they survive `sandbox:reset`; the README lists
 * them. Prices include VAT at the market's one rate.
 */

export const MARKET_ID = stableResourceId(`market:${SANDBOX_MARKET_CODE}`)
export const PRICE_LIST_ID = stableResourceId('price_list:eur')
export const STOCK_LOCATION_ID = stableResourceId('stock_location:main')
export const KLARNA_GATEWAY_ID = stableResourceId('payment_gateway:klarna')
export const KLARNA_PAYMENT_METHOD_ID = stableResourceId('payment_method:klarna')
export const STANDARD_SHIPPING_ID = stableResourceId('shipping_method:standard')
export const EXPRESS_SHIPPING_ID = stableResourceId('shipping_method:express')

export const MARKET_TAX_RATE = 0.22
export const MARKET_CURRENCY = 'EUR'
/** Klarna's purchase country for an order with no address yet. */
export const MARKET_DEFAULT_COUNTRY = 'IT'
/**
 * The countries the market ships to: the euro countries Klarna serves, since Klarna sells in each country's own
 * currency (Sweden, Denmark and Poland would be markets of their own, in SEK, DKK and PLN). Commerce Layer keeps
 * them in shipping zones, which the sandbox does not expose; it lists them in the market's metadata (see README).
 */
export const MARKET_SHIPPING_COUNTRIES = ['AT', 'BE', 'DE', 'ES', 'FI', 'FR', 'IE', 'IT', 'NL', 'PT']

export type SeedSku = { code: string; name: string; description: string; priceCents: number; stock: number }

export const SEED_SKUS: readonly SeedSku[] = [
  {
    code: 'MUG-STONE-350',
    name: 'Stoneware Mug',
    description: 'A 350 ml mug thrown in speckled stoneware, glazed inside and out. Heavy enough to keep coffee warm.',
    priceCents: 1800,
    stock: 120,
  },
  {
    code: 'TEAPOT-CAST-900',
    name: 'Cast Iron Teapot',
    description: 'A 900 ml enamelled cast iron teapot with a removable steel infuser. Holds heat for a second cup.',
    priceCents: 6400,
    stock: 25,
  },
  {
    code: 'TOWEL-LINEN-SAGE',
    name: 'Linen Tea Towel, Sage',
    description: 'Stonewashed European linen in a soft sage green. Dries glassware without lint.',
    priceCents: 1450,
    stock: 80,
  },
  {
    code: 'CANDLE-FIG-200',
    name: 'Fig Leaf Candle',
    description: 'A 200 g soy wax candle scented with fig leaf and cedar. Burns for about forty hours.',
    priceCents: 2600,
    stock: 60,
  },
  {
    code: 'BOWL-OAK-24',
    name: 'Oak Serving Bowl',
    description: 'A 24 cm bowl turned from a single piece of European oak and finished with food-safe oil.',
    priceCents: 4800,
    stock: 15,
  },
  {
    code: 'THROW-WOOL-OAT',
    name: 'Wool Throw, Oat',
    description: 'A 130 × 170 cm throw woven from undyed lambswool. Warm, light, and softer with every wash.',
    priceCents: 11900,
    stock: 10,
  },
  {
    code: 'VASE-GLASS-AMBER',
    name: 'Amber Glass Vase',
    description: 'A mouth-blown vase in recycled amber glass, 22 cm tall. Made for a few stems, not a bouquet.',
    priceCents: 3900,
    stock: 30,
  },
  {
    code: 'PLANTER-TERRA-15',
    name: 'Terracotta Planter',
    description: 'A 15 cm unglazed terracotta pot with a matching saucer. Lets roots breathe.',
    priceCents: 2200,
    stock: 0,
  },
  {
    code: 'BOARD-WALNUT-40',
    name: 'Walnut Cutting Board',
    description: 'A 40 cm end-grain walnut board that is kind to knife edges. Oil it now and then.',
    priceCents: 5500,
    stock: 20,
  },
]

export const skuId = (code: string) => stableResourceId(`sku:${code}`)

export type SeedShippingMethod = { id: string; name: string; priceCents: number; minDays: number; maxDays: number }

export const SEED_SHIPPING_METHODS: readonly SeedShippingMethod[] = [
  { id: STANDARD_SHIPPING_ID, name: 'Standard', priceCents: 0, minDays: 3, maxDays: 5 },
  { id: EXPRESS_SHIPPING_ID, name: 'Express', priceCents: 990, minDays: 1, maxDays: 2 },
]

export const KLARNA_GATEWAY = {
  id: KLARNA_GATEWAY_ID,
  name: 'Klarna (sandbox)',
  apiKey: KLARNA_SANDBOX_API_KEY,
  apiSecret: KLARNA_SANDBOX_API_SECRET,
}
