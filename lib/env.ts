import { z } from 'zod'
import { readOrCreateSandboxSecret } from './sandbox-secret'

/**
 * The storefront's configuration, parsed once at start.
 *
 * With none of CL_CLIENT_ID, CL_ORGANIZATION and CL_MARKET set, the storefront talks to the bundled sandbox
 * (Commerce Layer and Klarna stand-ins on http://localhost:3001). With all three set, it talks to the real
 * Commerce Layer and loads Klarna's real library. Anything in between is a mistake we refuse to guess about.
 */

const KLARNA_LIBRARY_URL = 'https://x.klarnacdn.net/kp/lib/v1/api.js'
/** The sandbox signs its webhooks with this unless SANDBOX_WEBHOOK_SECRET says otherwise (sandbox/README.md). */
const SANDBOX_WEBHOOK_SECRET = 'sandbox-webhook-secret'
const KLARNA_MESSAGING_URL = 'https://js.klarna.com/web-sdk/v1/klarna.js'
const SANDBOX_MESSAGING_CLIENT_ID = 'sandbox-messaging-client'
/** English, as the shop is; Italy, the market's first country and where its prices are shown from. */
const MESSAGING_LOCALE = 'en-IT'
/** Where the pictures of Commerce Layer's sample catalogue (its seeder's data) are served from. */
const COMMERCE_LAYER_SAMPLE_IMAGES = 'https://data.commercelayer.app'

const port = z.coerce.number().int().min(1).max(65535)
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional()

/** A list written `IT, FR DE` (commas or spaces), empty items dropped; absent or blank: undefined. */
const listOf = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .optional()
    .transform((value) => {
      const items = (value ?? '').split(/[\s,]+/).filter(Boolean)
      return items.length > 0 ? items : undefined
    })
    .pipe(z.array(item).optional())

const countryCode = z
  .string()
  .transform((code) => code.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}$/, 'a country is two letters (ISO 3166-1 alpha-2)'))

/** An origin and nothing else: `https://cdn.example.com`, no path, no trailing slash. */
const origin = z
  .url({ protocol: /^https?$/ })
  .refine((value) => new URL(value).origin === value, 'an origin is scheme://host[:port], with no path')

const rawEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  CL_CLIENT_ID: optionalText,
  CL_ORGANIZATION: optionalText,
  CL_MARKET: optionalText,
  CL_DOMAIN: z.string().trim().default('commercelayer.io'),
  SANDBOX_PORT: port.default(3001),
  SANDBOX_URL: z.url().optional(),
  KLARNA_LIBRARY_URL: z.url().optional(),
  KLARNA_CLIENT_ID: optionalText,
  KLARNA_MESSAGING_URL: z.url().optional(),
  KLARNA_ENVIRONMENT: z.enum(['playground', 'production']).default('playground'),
  NEXTAUTH_SECRET: optionalText,
  SHOW_API_LOG: z.enum(['0', '1']).optional(),
  CL_WEBHOOK_SECRET: optionalText,
  SHIPPING_COUNTRIES: listOf(countryCode),
  CATALOG_IMAGE_ORIGINS: listOf(origin),
})

export type CommerceLayerMode = 'sandbox' | 'live'

export type AppEnv = {
  mode: CommerceLayerMode
  commerceLayer: {
    clientId: string
    organization: string
    /** The market part of a token scope: `market:code:europe` or `market:id:AbCd`. */
    marketScope: string
    /** Where `/oauth/token` lives. */
    authOrigin: string
    /** Where `/api/...` lives. */
    apiOrigin: string
    /** The origin the SDK believes it talks to; requests to it are rewritten to `apiOrigin` in sandbox mode. */
    sdkDomain: string
  }
  klarna: {
    libraryUrl: string
    libraryOrigin: string
    /** On-Site Messaging (`<klarna-placement>`); null without a KLARNA_CLIENT_ID against the real services. */
    messaging: KlarnaMessagingConfig | null
  }
  /**
   * The countries checkout ships to (SHIPPING_COUNTRIES). Commerce Layer has no field for it that a sales
   * channel can read (a market's shipping zones are not exposed to it), so without the variable checkout offers
   * the countries Klarna pairs with the order's currency (lib/countries.ts): null means that default.
   */
  shippingCountries: string[] | null
  /** Where the catalogue's pictures (`sku.image_url`, absolute on Commerce Layer) may come from: the CSP's img-src. */
  catalogImageOrigins: string[]
  authSecret: string
  showApiLog: boolean
  /**
   * The shared secret Commerce Layer signs this shop's webhooks with (`CL_WEBHOOK_SECRET`, given once when the
   * webhook is created). Without one, in live mode, every webhook is refused.
   */
  webhookSecret: string | undefined
}

export type KlarnaMessagingConfig = {
  libraryUrl: string
  clientId: string
  environment: 'playground' | 'production'
  /** Klarna's `data-locale`: the shop's language and the market's main country. */
  locale: string
}

export class ConfigurationError extends Error {
  override name = 'ConfigurationError'
}

const LIVE_VARIABLES = ['CL_CLIENT_ID', 'CL_ORGANIZATION', 'CL_MARKET'] as const

/**
 * Parses a process environment into the storefront's configuration. Tests pass their own record, and where the
 * sandbox's generated secret comes from (by default `.data/nextauth-secret`, see sandbox-secret.ts).
 */
export function parseEnv(
  source: Record<string, string | undefined>,
  { sandboxSecret = readOrCreateSandboxSecret }: { sandboxSecret?: () => string } = {},
): AppEnv {
  const parsed = rawEnvSchema.safeParse(source)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigurationError(`Invalid configuration: ${problems.join('; ')}`)
  }
  const raw = parsed.data

  const present = LIVE_VARIABLES.filter((name) => raw[name] !== undefined)
  if (present.length > 0 && present.length < LIVE_VARIABLES.length) {
    const missing = LIVE_VARIABLES.filter((name) => raw[name] === undefined)
    throw new ConfigurationError(
      `Incomplete Commerce Layer configuration: ${present.join(', ')} ${present.length === 1 ? 'is' : 'are'} set but ` +
        `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing. Set all three to use Commerce Layer, ` +
        `or none to use the local sandbox.`,
    )
  }
  const mode: CommerceLayerMode = present.length === 0 ? 'sandbox' : 'live'

  // The secret encrypts the session cookie, which holds the customer's Commerce Layer tokens. With real
  // credentials it must be the deployment's own, in development too; the sandbox makes one and keeps it.
  if (mode === 'live' && !raw.NEXTAUTH_SECRET) {
    throw new ConfigurationError(
      'NEXTAUTH_SECRET is missing: a storefront talking to Commerce Layer needs its own secret ' +
        '(for example `openssl rand -base64 32`), in development too.',
    )
  }
  const authSecret = raw.NEXTAUTH_SECRET ?? sandboxSecret()

  if (mode === 'sandbox') {
    const sandboxUrl = stripTrailingSlash(raw.SANDBOX_URL ?? `http://localhost:${raw.SANDBOX_PORT}`)
    const libraryUrl = raw.KLARNA_LIBRARY_URL ?? `${sandboxUrl}/klarna/kp/lib/v1/api.js`
    return {
      mode,
      commerceLayer: {
        clientId: 'sandbox-storefront',
        organization: 'sandbox',
        marketScope: 'market:code:europe',
        authOrigin: sandboxUrl,
        apiOrigin: sandboxUrl,
        sdkDomain: 'commercelayer.io',
      },
      klarna: {
        libraryUrl,
        libraryOrigin: new URL(libraryUrl).origin,
        messaging: {
          libraryUrl: raw.KLARNA_MESSAGING_URL ?? `${sandboxUrl}/klarna/web-sdk/v1/klarna.js`,
          clientId: raw.KLARNA_CLIENT_ID ?? SANDBOX_MESSAGING_CLIENT_ID,
          environment: raw.KLARNA_ENVIRONMENT,
          locale: MESSAGING_LOCALE,
        },
      },
      shippingCountries: raw.SHIPPING_COUNTRIES ?? null,
      // The sandbox serves its catalogue's pictures itself.
      catalogImageOrigins: raw.CATALOG_IMAGE_ORIGINS ?? [new URL(sandboxUrl).origin],
      authSecret,
      showApiLog: raw.SHOW_API_LOG !== '0',
      webhookSecret: raw.CL_WEBHOOK_SECRET ?? SANDBOX_WEBHOOK_SECRET,
    }
  }

  const organization = raw.CL_ORGANIZATION as string
  const libraryUrl = raw.KLARNA_LIBRARY_URL ?? KLARNA_LIBRARY_URL
  return {
    mode,
    commerceLayer: {
      clientId: raw.CL_CLIENT_ID as string,
      organization,
      marketScope: marketScope(raw.CL_MARKET as string),
      authOrigin: `https://auth.${raw.CL_DOMAIN}`,
      apiOrigin: `https://${organization}.${raw.CL_DOMAIN}`,
      sdkDomain: raw.CL_DOMAIN,
    },
    klarna: {
      libraryUrl,
      libraryOrigin: new URL(libraryUrl).origin,
      messaging: raw.KLARNA_CLIENT_ID
        ? {
            libraryUrl: raw.KLARNA_MESSAGING_URL ?? KLARNA_MESSAGING_URL,
            clientId: raw.KLARNA_CLIENT_ID,
            environment: raw.KLARNA_ENVIRONMENT,
            locale: MESSAGING_LOCALE,
          }
        : null,
    },
    shippingCountries: raw.SHIPPING_COUNTRIES ?? null,
    catalogImageOrigins: raw.CATALOG_IMAGE_ORIGINS ?? [COMMERCE_LAYER_SAMPLE_IMAGES],
    authSecret,
    showApiLog: raw.SHOW_API_LOG === '1',
    webhookSecret: raw.CL_WEBHOOK_SECRET,
  }
}

/** CL_MARKET is a market code (`europe`), or `id:<market id>` for a market known by its id. */
function marketScope(market: string): string {
  return market.startsWith('id:') ? `market:${market}` : `market:code:${market}`
}

function stripTrailingSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url
}

let cached: AppEnv | undefined

/** The configuration of this process, parsed on first use. Throws a ConfigurationError naming what is wrong. */
export function env(): AppEnv {
  cached ??= parseEnv(process.env)
  return cached
}
