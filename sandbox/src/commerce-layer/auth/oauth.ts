import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { SANDBOX_SALES_CHANNEL_CLIENT_ID } from '../../seed-constants'
import { authError } from '../jsonapi/errors'
import { own } from '../own'
import { hashPasswordSync, passwordMatches } from './passwords'
import { hashToken, revokeRefreshToken } from './revocations'
import { CUSTOMER_TOKEN_SECONDS, SALES_CHANNEL_TOKEN_SECONDS, type TokenService } from './tokens'
import type { Clock } from '../../clock'
import type { Context } from '../../http/context'
import type { Router } from '../../http/router'
import type { Services } from '../../module'
import type { Store } from '../store'

/** Refresh tokens live two weeks; each use replaces it with a new one. */
export const REFRESH_TOKEN_SECONDS = 14 * 24 * 3600

const grantSchema = z.object({
  grant_type: z.string(),
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
  scope: z.string().optional(),
  username: z.string().optional(),
  password: z.string().optional(),
  refresh_token: z.string().optional(),
})
type GrantRequest = z.infer<typeof grantSchema>

type Market = { id: string; code: string | null }

/** Checked against when the email is unknown, so that refusal costs what a wrong password costs. */
const UNKNOWN_CUSTOMER_HASH = hashPasswordSync(randomBytes(16).toString('base64'))

const invalidClient = (detail: string) => authError(401, 'UNAUTHORIZED', 'invalid_client', detail)
const invalidGrant = (detail: string) => authError(401, 'UNAUTHORIZED', 'invalid_grant', detail)
const invalidScope = (detail: string) => authError(401, 'UNAUTHORIZED', 'invalid_scope', detail)
const invalidRequest = (title: string, detail: string) => authError(400, 'BAD_REQUEST', title, detail)

/**
 * `POST /oauth/token`, the auth host's one endpoint: a sales channel's guest token (client_credentials), a
 * customer's token (password) and its renewal (refresh_token). JSON or form-encoded bodies, as the real host takes.
 */
export function registerOAuthRoutes(
  router: Router,
  deps: { store: Store; clock: Clock; tokens: TokenService; services: Pick<Services, 'domain'> },
) {
  const { store, clock, tokens } = deps
  // Commerce Layer's issuer shape: a client deriving the API host from the token (the SDK, react-components) gets
  // https://<slug>.<domain>; SANDBOX_DOMAIN says which domain, routed to the sandbox by whoever runs such a client.
  const issuer = `https://auth.${deps.services.domain}`

  const marketForScope = (scope: string | undefined): Market => {
    const match = /^market:(code|id):([A-Za-z0-9_-]+)$/.exec((scope ?? '').trim())
    if (!match) {
      throw invalidScope(
        `A sales channel token needs a market in its scope, "market:code:<code>" or "market:id:<id>"; got "${scope ?? ''}".`,
      )
    }
    const column = match[1] === 'code' ? 'code' : 'id'
    const market = store.get<Market>(
      `SELECT id, code FROM cl_markets WHERE ${column} = ? AND disabled_at IS NULL`,
      match[2],
    )
    if (!market) throw invalidScope(`No market matches the scope "${scope}".`)
    return market
  }

  const issue = async (ctx: Context, market: Market, scope: string, customerId: string | null) => {
    const stockLocationIds = store
      .all<{ id: string }>('SELECT id FROM cl_stock_locations ORDER BY rowid')
      .map((row) => row.id)
    const lifetime = customerId ? CUSTOMER_TOKEN_SECONDS : SALES_CHANNEL_TOKEN_SECONDS
    const { token, issuedAt } = await tokens.sign(
      { marketId: market.id, stockLocationIds, customerId, scope, issuer },
      lifetime,
    )
    const body: Record<string, unknown> = {
      access_token: token,
      token_type: 'bearer',
      expires_in: lifetime,
      scope,
      created_at: issuedAt,
    }
    if (customerId) {
      body.refresh_token = createRefreshToken(store, clock, customerId, market.id, scope)
      body.owner_id = customerId
      body.owner_type = 'customer'
    }
    return body
  }

  const grants: Record<string, (ctx: Context, grant: GrantRequest) => Promise<Record<string, unknown>>> = {
    async client_credentials(ctx, grant) {
      const market = marketForScope(grant.scope)
      return issue(ctx, market, (grant.scope ?? '').trim(), null)
    },
    async password(ctx, grant) {
      const market = marketForScope(grant.scope)
      if (!grant.username || !grant.password)
        throw invalidRequest('invalid_request', 'The password grant needs username and password.')
      const customer = store.get<{ id: string; password_hash: string | null }>(
        'SELECT id, password_hash FROM cl_customers WHERE email = ?',
        grant.username.trim(),
      )
      // Same answer, and the same work (a hash is checked either way), for an unknown email and a wrong password:
      // neither the words nor the time may tell which emails exist.
      const matches = await passwordMatches(grant.password, customer?.password_hash ?? UNKNOWN_CUSTOMER_HASH)
      if (!customer || !matches) {
        throw invalidGrant('The email or password is not correct.')
      }
      return issue(ctx, market, (grant.scope ?? '').trim(), customer.id)
    },
    async refresh_token(ctx, grant) {
      if (!grant.refresh_token) throw invalidRequest('invalid_request', 'The refresh_token grant needs refresh_token.')
      const used = useRefreshToken(store, clock, grant.refresh_token)
      if (grant.scope !== undefined && grant.scope.trim() !== used.scope) {
        throw invalidGrant(`The scope must equal the original one, "${used.scope}".`)
      }
      const market = store.get<Market>('SELECT id, code FROM cl_markets WHERE id = ?', used.market_id)
      if (!market) throw invalidGrant('The market of this refresh token no longer exists.')
      return issue(ctx, market, used.scope, used.customer_id)
    },
  }

  router.post('/oauth/token', async (ctx) => {
    const grant = grantSchema.safeParse(await readGrantBody(ctx))
    if (!grant.success) {
      throw invalidRequest('invalid_request', 'The body must be an object with grant_type and client_id (strings).')
    }
    const handle = own(grants, grant.data.grant_type)
    if (!handle) {
      throw invalidRequest(
        'unsupported_grant_type',
        `The sandbox supports the grants client_credentials, password and refresh_token, not "${grant.data.grant_type}".`,
      )
    }
    if (grant.data.client_id !== SANDBOX_SALES_CHANNEL_CLIENT_ID) {
      throw invalidClient(
        `Unknown client_id "${grant.data.client_id ?? ''}": the sandbox's sales channel is "${SANDBOX_SALES_CHANNEL_CLIENT_ID}".`,
      )
    }
    ctx.send(200, await handle(ctx, grant.data), 'application/json', { 'Cache-Control': 'no-store' })
  })
}

const revokeSchema = z.object({ client_id: z.string().optional(), token: z.string().min(1) })

/**
 * `POST /oauth/revoke` `{client_id, token}`: ends an access token or a refresh token before it expires (Commerce
 * Layer's documented revocation). A revoked access token answers 401 INVALID_TOKEN on /api from then on. As OAuth's
 * revocation (RFC 7009) asks, a token that is unknown or already dead answers 200 too: there is nothing left to end.
 */
export function registerRevokeRoute(router: Router, deps: { store: Store; clock: Clock; tokens: TokenService }) {
  router.post('/oauth/revoke', async (ctx) => {
    const input = revokeSchema.safeParse(await readGrantBody(ctx))
    if (!input.success) throw invalidRequest('invalid_request', 'The body must be an object with client_id and token.')
    if (input.data.client_id !== SANDBOX_SALES_CHANNEL_CLIENT_ID) {
      throw invalidClient(`Unknown client_id "${input.data.client_id ?? ''}".`)
    }
    if (!revokeRefreshToken(deps.store, deps.clock, input.data.token)) await deps.tokens.revoke(input.data.token)
    ctx.send(200, {}, 'application/json', { 'Cache-Control': 'no-store' })
  })
}

/** The grant, as JSON or form-encoded (what the auth host takes); any other media type is a 415. */
async function readGrantBody(ctx: Context): Promise<unknown> {
  const given = ctx.header('content-type') ?? ''
  const contentType = given.split(';')[0]?.trim().toLowerCase()
  if (contentType === 'application/x-www-form-urlencoded') {
    return Object.fromEntries(new URLSearchParams((await ctx.body()).toString('utf8')))
  }
  if (contentType === 'application/json') return ctx.json()
  throw authError(
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    'invalid_request',
    `Send the grant as application/json or application/x-www-form-urlencoded, not "${given}".`,
  )
}

function createRefreshToken(store: Store, clock: Clock, customerId: string, marketId: string, scope: string): string {
  const token = randomBytes(32).toString('base64url')
  const now = clock.now()
  store.run(
    'INSERT INTO cl_refresh_tokens (token_hash, customer_id, market_id, scope, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    hashToken(token),
    customerId,
    marketId,
    scope,
    now + REFRESH_TOKEN_SECONDS * 1000,
    now,
  )
  return token
}

type RefreshRow = { customer_id: string; market_id: string; scope: string }

/** Spends a refresh token: it works once, within two weeks. Compare-and-set, so two concurrent uses get one token. */
function useRefreshToken(store: Store, clock: Clock, token: string): RefreshRow {
  const now = clock.now()
  const hash = hashToken(token)
  const spent = store.run(
    'UPDATE cl_refresh_tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?',
    now,
    hash,
    now,
  )
  const row = store.get<RefreshRow>(
    'SELECT customer_id, market_id, scope FROM cl_refresh_tokens WHERE token_hash = ?',
    hash,
  )
  if (spent.changes !== 1 || !row) throw invalidGrant('The refresh token is unknown, expired, or was already used.')
  return row
}
