import { randomBytes } from 'node:crypto'
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose'
import { z } from 'zod'
import { RevokedAccessTokens } from './revocations'
import { stableResourceId } from '../../ids'
import { SANDBOX_ORGANIZATION_SLUG, SANDBOX_SALES_CHANNEL_CLIENT_ID } from '../../seed-constants'
import type { Clock } from '../../clock'
import type { Store } from '../store'

/** Sales channel (guest) tokens live 4 hours, as Commerce Layer's do. */
export const SALES_CHANNEL_TOKEN_SECONDS = 14_400
/** Customer tokens live 2 hours: a sandbox choice (Commerce Layer does not document it); refresh tokens renew them. */
export const CUSTOMER_TOKEN_SECONDS = 7_200

export const ORGANIZATION_ID = stableResourceId(`organization:${SANDBOX_ORGANIZATION_SLUG}`)
export const APPLICATION_ID = stableResourceId(`application:${SANDBOX_SALES_CHANNEL_CLIENT_ID}`)

/** Who is calling the Core API, as the access token says. Only sales channel tokens exist in the sandbox. */
export type Caller = {
  marketId: string
  /** The signed-in customer (password grant), or null for a guest. */
  customerId: string | null
  scope: string
  /** Epoch seconds. */
  expiresAt: number
}

const claimsSchema = z.object({
  application: z.object({ id: z.string(), client_id: z.string(), kind: z.literal('sales_channel') }),
  organization: z.object({ id: z.string(), slug: z.string() }),
  market: z.object({ id: z.array(z.string()).min(1) }),
  owner: z.object({ id: z.string(), type: z.literal('Customer') }).optional(),
  scope: z.string(),
  exp: z.number(),
})

export type TokenFailure = 'expired' | 'invalid'

/**
 * Signs and verifies access tokens: HS256 JWTs with Commerce Layer's claim layout, keyed by a secret that lives in
 * the database, so tokens survive a restart and a reset invalidates them. Verified tokens are remembered (the
 * signature check is the costliest part of a small request); expiry is checked on every use.
 */
export class TokenService {
  private readonly key: Uint8Array
  private readonly verified = new Map<string, Caller>()
  private readonly revoked: RevokedAccessTokens

  constructor(
    store: Store,
    private readonly clock: Clock,
  ) {
    this.key = loadSigningKey(store)
    this.revoked = new RevokedAccessTokens(store, clock)
  }

  /** Ends a token before it expires (POST /oauth/revoke): from now on it is `invalid`. False if it is not ours. */
  async revoke(token: string): Promise<boolean> {
    const caller = await this.verify(token)
    if (typeof caller === 'string') return false
    this.revoked.add(token, caller.expiresAt)
    this.verified.delete(token)
    return true
  }

  async sign(
    input: { marketId: string; stockLocationIds: string[]; customerId: string | null; scope: string; issuer: string },
    lifetimeSeconds: number,
  ): Promise<{ token: string; issuedAt: number }> {
    const issuedAt = Math.floor(this.clock.now() / 1000)
    const token = await new SignJWT({
      organization: { id: ORGANIZATION_ID, slug: SANDBOX_ORGANIZATION_SLUG, enterprise: false, region: 'eu-west-1' },
      application: {
        id: APPLICATION_ID,
        client_id: SANDBOX_SALES_CHANNEL_CLIENT_ID,
        kind: 'sales_channel',
        public: true,
      },
      market: {
        id: [input.marketId],
        stock_location_ids: input.stockLocationIds,
        geocoder_id: null,
        allows_external_prices: false,
      },
      ...(input.customerId ? { owner: { id: input.customerId, type: 'Customer' } } : {}),
      scope: input.scope,
      test: true,
      rand: Math.random(),
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + lifetimeSeconds)
      .setIssuer(input.issuer)
      .sign(this.key)
    return { token, issuedAt }
  }

  /** The caller behind a bearer token, or why it is refused. */
  async verify(token: string): Promise<Caller | TokenFailure> {
    const nowSeconds = this.clock.now() / 1000
    const known = this.verified.get(token)
    if (known) return known.expiresAt <= nowSeconds ? 'expired' : known
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        currentDate: new Date(this.clock.now()),
      })
      const claims = claimsSchema.parse(payload)
      if (this.revoked.has(token)) return 'invalid'
      const caller: Caller = {
        marketId: claims.market.id[0] as string,
        customerId: claims.owner?.id ?? null,
        scope: claims.scope,
        expiresAt: claims.exp,
      }
      if (this.verified.size >= 10_000) this.verified.clear()
      this.verified.set(token, caller)
      return caller
    } catch (error) {
      return error instanceof joseErrors.JWTExpired ? 'expired' : 'invalid'
    }
  }
}

function loadSigningKey(store: Store): Uint8Array {
  store.run(
    "INSERT OR IGNORE INTO cl_settings (key, value) VALUES ('jwt_secret', ?)",
    randomBytes(32).toString('base64'),
  )
  const row = store.get<{ value: string }>("SELECT value FROM cl_settings WHERE key = 'jwt_secret'")
  return new Uint8Array(Buffer.from(row?.value ?? '', 'base64'))
}
