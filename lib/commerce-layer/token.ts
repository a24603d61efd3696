import { z } from 'zod'
import { fetchWithApiLog } from '@/lib/api-log/server'
import { env } from '@/lib/env'

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

/** The guest (sales channel) token every anonymous request shares; it can see only by id what it did not list. */
export const getSalesChannelToken = createTokenCache(async () =>
  toCachedToken(await requestToken({ grant_type: 'client_credentials' })),
)
