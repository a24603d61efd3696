import { AuthError, requestToken, type TokenResponse } from '@/lib/commerce-layer/token'

/**
 * A signed-in customer's Commerce Layer tokens, as kept inside next-auth's encrypted JWT cookie.
 * They never reach the browser: the session the browser reads holds only the customer's id and email.
 */
export type CustomerTokens = {
  customerId: string
  email: string
  accessToken: string
  refreshToken: string
  /** Epoch milliseconds. */
  accessTokenExpiresAt: number
}

/** Refresh this long before the access token expires, so no request goes out with a dying token. */
export const REFRESH_MARGIN_MS = 5 * 60_000

export function tokensFromGrant(grant: TokenResponse, email: string): CustomerTokens {
  if (!grant.refresh_token || !grant.owner_id)
    throw new Error('A customer grant must carry a refresh token and an owner id.')
  return {
    customerId: grant.owner_id,
    email,
    accessToken: grant.access_token,
    refreshToken: grant.refresh_token,
    accessTokenExpiresAt: (grant.created_at + grant.expires_in) * 1000,
  }
}

export function needsRefresh(tokens: Pick<CustomerTokens, 'accessTokenExpiresAt'>, now = Date.now()): boolean {
  return now >= tokens.accessTokenExpiresAt - REFRESH_MARGIN_MS
}

export function isExpired(tokens: Pick<CustomerTokens, 'accessTokenExpiresAt'>, now = Date.now()): boolean {
  return now >= tokens.accessTokenExpiresAt
}

type Refresher = (refreshToken: string) => Promise<TokenResponse>

const refreshWithCommerceLayer: Refresher = (refreshToken) =>
  requestToken({ grant_type: 'refresh_token', refresh_token: refreshToken })

/** After Commerce Layer answers 429, refreshes wait this long before asking again (its limit is per address). */
export const BUSY_BACKOFF_MS = 10_000

/**
 * Refreshes customer tokens one at a time per refresh token. Commerce Layer rotates refresh tokens (the old one
 * stops working), so two requests of one browser that both saw an old token must share one refresh, and a
 * request arriving just after it must get its result rather than try the dead token again.
 */
export function createCustomerTokenRefresher(
  refresh: Refresher = refreshWithCommerceLayer,
  { rememberMs = 60_000, now = Date.now } = {},
) {
  const inFlight = new Map<string, Promise<CustomerTokens>>()
  const recent = new Map<string, { tokens: CustomerTokens; until: number }>()
  // A 429 is Commerce Layer asking every caller from this address to slow down: the old tokens keep serving (they
  // are refreshed minutes before they expire) and nobody asks again until the back-off is over.
  let busy: { until: number; error: AuthError } | undefined

  return async function refreshCustomerTokens(current: CustomerTokens): Promise<CustomerTokens> {
    const remembered = recent.get(current.refreshToken)
    if (remembered && now() < remembered.until) return remembered.tokens
    if (busy && now() < busy.until) throw busy.error

    let pending = inFlight.get(current.refreshToken)
    if (!pending) {
      pending = refresh(current.refreshToken)
        .then((grant) => {
          const tokens = tokensFromGrant({ ...grant, owner_id: grant.owner_id ?? current.customerId }, current.email)
          recent.set(current.refreshToken, { tokens, until: now() + rememberMs })
          for (const [key, entry] of recent) if (now() >= entry.until) recent.delete(key)
          return tokens
        })
        .catch((error: unknown) => {
          if (error instanceof AuthError && error.status === 429) busy = { until: now() + BUSY_BACKOFF_MS, error }
          throw error
        })
        .finally(() => inFlight.delete(current.refreshToken))
      inFlight.set(current.refreshToken, pending)
    }
    return pending
  }
}

export const refreshCustomerTokens = createCustomerTokenRefresher()
