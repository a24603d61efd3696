import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigurationError, parseEnv as parseWithSecretFile } from './env'
import { readOrCreateSandboxSecret } from './sandbox-secret'

const GENERATED = 'generated-for-this-test-generated-for-this-test'
const SECRET = 's3cret-s3cret-s3cret-s3cret-s3cret'
const parseEnv = (source: Record<string, string | undefined>) =>
  parseWithSecretFile(source, { sandboxSecret: () => GENERATED })

describe('parseEnv', () => {
  it('uses the sandbox when no Commerce Layer credentials are set', () => {
    const config = parseEnv({})
    expect(config.mode).toBe('sandbox')
    expect(config.commerceLayer).toMatchObject({
      clientId: 'sandbox-storefront',
      organization: 'sandbox',
      marketScope: 'market:code:europe',
      authOrigin: 'http://localhost:3001',
      apiOrigin: 'http://localhost:3001',
    })
    expect(config.klarna.libraryUrl).toBe('http://localhost:3001/klarna/kp/lib/v1/api.js')
    expect(config.authSecret).toBe(GENERATED)
  })

  it('follows SANDBOX_PORT and SANDBOX_URL', () => {
    expect(parseEnv({ SANDBOX_PORT: '4001' }).commerceLayer.apiOrigin).toBe('http://localhost:4001')
    const config = parseEnv({ SANDBOX_URL: 'http://127.0.0.1:5000/' })
    expect(config.commerceLayer.authOrigin).toBe('http://127.0.0.1:5000')
    expect(config.klarna.libraryOrigin).toBe('http://127.0.0.1:5000')
  })

  it('talks to the real services when all three credentials are set', () => {
    const config = parseEnv({
      CL_CLIENT_ID: 'abc',
      CL_ORGANIZATION: 'fika',
      CL_MARKET: 'europe',
      NEXTAUTH_SECRET: SECRET,
    })
    expect(config.mode).toBe('live')
    expect(config.commerceLayer).toMatchObject({
      clientId: 'abc',
      organization: 'fika',
      marketScope: 'market:code:europe',
      authOrigin: 'https://auth.commercelayer.io',
      apiOrigin: 'https://fika.commercelayer.io',
    })
    expect(config.klarna.libraryUrl).toBe('https://x.klarnacdn.net/kp/lib/v1/api.js')
    expect(config.showApiLog).toBe(false)
  })

  it('accepts a market id', () => {
    const config = parseEnv({
      CL_CLIENT_ID: 'abc',
      CL_ORGANIZATION: 'fika',
      CL_MARKET: 'id:AbCdEf',
      NEXTAUTH_SECRET: SECRET,
    })
    expect(config.commerceLayer.marketScope).toBe('market:id:AbCdEf')
  })

  it("shows Klarna's messaging from the sandbox's stand-in, and live only with a KLARNA_CLIENT_ID", () => {
    expect(parseEnv({ SANDBOX_PORT: '4001' }).klarna.messaging).toMatchObject({
      libraryUrl: 'http://localhost:4001/klarna/web-sdk/v1/klarna.js',
      locale: 'en-IT',
    })
    const live = { CL_CLIENT_ID: 'abc', CL_ORGANIZATION: 'fika', CL_MARKET: 'europe', NEXTAUTH_SECRET: SECRET }
    expect(parseEnv(live).klarna.messaging).toBeNull()
    expect(parseEnv({ ...live, KLARNA_CLIENT_ID: 'osm-id' }).klarna.messaging).toEqual({
      libraryUrl: 'https://js.klarna.com/web-sdk/v1/klarna.js',
      clientId: 'osm-id',
      environment: 'playground',
      locale: 'en-IT',
    })
  })

  it('lets one setting choose the Klarna library', () => {
    expect(parseEnv({ KLARNA_LIBRARY_URL: 'https://x.klarnacdn.net/kp/lib/v1/api.js' }).klarna.libraryOrigin).toBe(
      'https://x.klarnacdn.net',
    )
  })

  it('refuses a half-filled configuration and names what is missing', () => {
    expect(() => parseEnv({ CL_CLIENT_ID: 'abc' })).toThrow(ConfigurationError)
    expect(() => parseEnv({ CL_CLIENT_ID: 'abc' })).toThrow(/CL_ORGANIZATION, CL_MARKET are missing/)
    expect(() => parseEnv({ CL_CLIENT_ID: 'abc', CL_ORGANIZATION: 'fika' })).toThrow(/CL_MARKET is missing/)
  })

  it('treats blank variables as unset', () => {
    expect(parseEnv({ CL_CLIENT_ID: ' ', CL_ORGANIZATION: '', CL_MARKET: '' }).mode).toBe('sandbox')
  })

  it('refuses real credentials without a secret, in production and in development', () => {
    const live = { CL_CLIENT_ID: 'abc', CL_ORGANIZATION: 'fika', CL_MARKET: 'europe' }
    for (const NODE_ENV of ['production', 'development']) {
      expect(() => parseEnv({ ...live, NODE_ENV })).toThrow(/NEXTAUTH_SECRET is missing/)
      expect(parseEnv({ ...live, NODE_ENV, NEXTAUTH_SECRET: SECRET }).authSecret).toBe(SECRET)
    }
  })

  it('with the sandbox and no secret, uses a random one kept in the data folder, the same for every process', () => {
    const folder = mkdtempSync(join(tmpdir(), 'sandbox-secret-'))
    try {
      const file = join(folder, '.data', 'nextauth-secret')
      const first = parseWithSecretFile({}, { sandboxSecret: () => readOrCreateSandboxSecret(file) }).authSecret
      expect(first).not.toContain('development-only')
      expect(first.length).toBeGreaterThanOrEqual(32)
      expect(readFileSync(file, 'utf8')).toBe(first)
      expect(statSync(file).mode & 0o077).toBe(0)
      // A second process (another `next start`, a restart) reads the same one.
      expect(readOrCreateSandboxSecret(file)).toBe(first)
      // Another checkout gets another one: nothing about it is in the code.
      expect(readOrCreateSandboxSecret(join(folder, 'other', 'nextauth-secret'))).not.toBe(first)
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })

  it('prefers NEXTAUTH_SECRET with the sandbox too', () => {
    expect(parseEnv({ NEXTAUTH_SECRET: SECRET }).authSecret).toBe(SECRET)
  })

  it('refuses malformed values with the variable name', () => {
    expect(() => parseEnv({ SANDBOX_PORT: 'eighty' })).toThrow(/SANDBOX_PORT/)
    expect(() => parseEnv({ KLARNA_LIBRARY_URL: 'not a url' })).toThrow(/KLARNA_LIBRARY_URL/)
  })

  it('reads the shipping countries as a list of country codes, and has no list of its own by default', () => {
    expect(parseEnv({ SHIPPING_COUNTRIES: 'it, fr DE' }).shippingCountries).toEqual(['IT', 'FR', 'DE'])
    expect(parseEnv({ SHIPPING_COUNTRIES: ' ' }).shippingCountries).toBeNull()
    expect(parseEnv({}).shippingCountries).toBeNull()
    expect(() => parseEnv({ SHIPPING_COUNTRIES: 'IT, Italy' })).toThrow(/SHIPPING_COUNTRIES/)
  })

  it("allows the catalogue's pictures from the configured origins; by default the sandbox's, or Commerce Layer's sample data", () => {
    expect(parseEnv({ SANDBOX_PORT: '4001' }).catalogImageOrigins).toEqual(['http://localhost:4001'])
    expect(
      parseEnv({ CL_CLIENT_ID: 'abc', CL_ORGANIZATION: 'fika', CL_MARKET: 'europe', NEXTAUTH_SECRET: SECRET })
        .catalogImageOrigins,
    ).toEqual(['https://data.commercelayer.app'])
    expect(
      parseEnv({ CATALOG_IMAGE_ORIGINS: 'https://cdn.fika.se,https://img.fika.se:8443' }).catalogImageOrigins,
    ).toEqual(['https://cdn.fika.se', 'https://img.fika.se:8443'])
    expect(() => parseEnv({ CATALOG_IMAGE_ORIGINS: 'https://cdn.fika.se/images' })).toThrow(/CATALOG_IMAGE_ORIGINS/)
    expect(() => parseEnv({ CATALOG_IMAGE_ORIGINS: 'ftp://cdn.fika.se' })).toThrow(/CATALOG_IMAGE_ORIGINS/)
  })
})
