import { unstable_cache } from 'next/cache'
import { z } from 'zod'
import { fetchWithApiLog } from '@/lib/api-log/server'
import { env } from '@/lib/env'
import { retryAfterMs } from './retry-after'

/**
 * Tokens from Commerce Layer's auth endpoint (`POST /oauth/token`), real or sandbox.
 * `@commercelayer/js-auth` always calls the real auth host, so the grant requests are ours; they are small.
 */

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().int().positive(),
  scope: z.string(),
  created_at: z.number().int(),
  refresh_token: z.string().optional(),
  owner_id: z.string().optional(),
  owner_type: z.string().optional(),
})
export type TokenResponse = z.infer<typeof tokenResponseSchema>

const authErrorSchema = z.object({
  errors: z.array(
    z.object({ code: z.string().optional(), title: z.string().optional(), detail: z.string().optional() }),
  ),
})

/** The auth endpoint refused the grant (bad client, credentials, scope or refresh token). */
export class AuthError extends Error {
  override name = 'AuthError'
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    /** With a 429 (Commerce Layer's rate limit): how long `Retry-After` asks to wait. */
    readonly retryAfterMs?: number,
  ) {
    super(detail)
  }
}

type Grant =
  | { grant_type: 'client_credentials' }
  | { grant_type: 'password'; username: string; password: string }
  | { grant_type: 'refresh_token'; refresh_token: string }

/** Sends one grant to the auth endpoint and returns the parsed token, or throws AuthError. */
export async function requestToken(grant: Grant): Promise<TokenResponse> {
  const { authOrigin, clientId, marketScope } = env().commerceLayer
  // Through the request log's hook, like the Core API's requests (passwords and tokens are redacted there).
  const response = await fetchWithApiLog(`${authOrigin}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ ...grant, client_id: clientId, scope: marketScope }),
    cache: 'no-store',
  })
  const body: unknown = await response.json().catch(() => undefined)
  if (!response.ok) {
    const first = authErrorSchema.safeParse(body).data?.errors[0]
    throw new AuthError(
      response.status,
      first?.title ?? 'auth_error',
      first?.detail ?? `Token request failed (${response.status})`,
      response.status === 429 ? retryAfterMs(response.headers.get('retry-after')) : undefined,
    )
  }
  return tokenResponseSchema.parse(body)
}

/**
 * Ends a token at Commerce Layer before it expires (`POST /oauth/revoke`, as Commerce Layer documents it: the
 * client id and the access or refresh token). A revoked access token answers 401 INVALID_TOKEN from then on.
 */
export async function revokeToken(token: string): Promise<void> {
  const { authOrigin, clientId } = env().commerceLayer
  const response = await fetchWithApiLog(`${authOrigin}/oauth/revoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ client_id: clientId, token }),
    cache: 'no-store',
  })
  if (!response.ok)
    throw new AuthError(response.status, 'revoke_failed', `Token revocation failed (${response.status})`)
}

export type CachedToken = { accessToken: string; expiresAt: number }

/**
 * Keeps one token until shortly before it expires. Concurrent callers share one request, and a failed
 * request is not cached, so the next caller tries again.
 */
export function createTokenCache(
  fetchToken: () => Promise<CachedToken>,
  { renewBeforeMs = 5 * 60_000, now = Date.now }: { renewBeforeMs?: number; now?: () => number } = {},
) {
  let current: CachedToken | undefined
  let inFlight: Promise<CachedToken> | undefined

  return async function getToken(): Promise<string> {
    if (current && now() < current.expiresAt - renewBeforeMs) return current.accessToken
    inFlight ??= fetchToken()
      .then((token) => {
        current = token
        return token
      })
      .finally(() => {
        inFlight = undefined
      })
    return (await inFlight).accessToken
  }
}

function toCachedToken(token: TokenResponse): CachedToken {
  return { accessToken: token.access_token, expiresAt: (token.created_at + token.expires_in) * 1000 }
}

/** A sales channel token is asked for anew at most this often (Commerce Layer's live for 4 hours). */
const SHARED_TOKEN_PERIOD_MS = 3600_000
const RENEW_BEFORE_MS = 5 * 60_000

/**
 * The sales channel's token through the data cache, so that every instance sharing the cache (Redis) uses one token
 * and `/oauth/token` (30 requests a minute per IP) hears from the whole deployment about once an hour. The hour is
 * part of the key rather than a `revalidate`, so no instance is ever handed a token past its hour.
 */
async function sharedSalesChannelToken(): Promise<CachedToken> {
  const { clientId, marketScope } = env().commerceLayer
  const period = String(Math.floor(Date.now() / SHARED_TOKEN_PERIOD_MS))
  const cached = unstable_cache(
    async () => toCachedToken(await requestSalesChannelToken()),
    ['sales-channel-token', clientId, marketScope, period],
    { revalidate: false },
  )
  const token = await cached()
  // A token that lives shorter than the hour (or one from a cache that outlived it) is never used.
  if (Date.now() < token.expiresAt - RENEW_BEFORE_MS) return token
  return toCachedToken(await requestSalesChannelToken())
}

/** How long, in all, the sales channel's grant may wait out `/oauth/token`'s rate limit (30 a minute per IP). */
const TOKEN_WAIT_BUDGET_MS = 2500

/**
 * The sales channel's grant, sent again after `Retry-After` when Commerce Layer's rate limit refused it and the wait
 * fits the budget: it is what every anonymous page stands on, and sign-ins share its limit.
 */
async function requestSalesChannelToken(): Promise<TokenResponse> {
  let waited = 0
  for (;;) {
    try {
      return await requestToken({ grant_type: 'client_credentials' })
    } catch (error) {
      const wait = error instanceof AuthError && error.status === 429 ? error.retryAfterMs : undefined
      if (wait === undefined || waited + wait > TOKEN_WAIT_BUDGET_MS) throw error
      await new Promise((resolve) => setTimeout(resolve, wait))
      waited += wait
    }
  }
}

/** The guest (sales channel) token every anonymous request shares; it can see only by id what it did not list. */
export const getSalesChannelToken = createTokenCache(sharedSalesChannelToken, { renewBeforeMs: RENEW_BEFORE_MS })
