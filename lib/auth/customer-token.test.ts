import { describe, expect, it, vi } from 'vitest'
import { AuthError, type TokenResponse } from '@/lib/commerce-layer/token'
import {
  BUSY_BACKOFF_MS,
  createCustomerTokenRefresher,
  needsRefresh,
  REFRESH_MARGIN_MS,
  type CustomerTokens,
} from './customer-token'

const signedIn: CustomerTokens = {
  customerId: 'cust1',
  email: 'shopper@example.com',
  accessToken: 'access-1',
  refreshToken: 'refresh-1',
  accessTokenExpiresAt: 10_000_000,
}

function grant(n: number, nowSeconds: number): TokenResponse {
  return {
    access_token: `access-${n}`,
    refresh_token: `refresh-${n}`,
    token_type: 'bearer',
    expires_in: 7200,
    scope: 'market:code:europe',
    created_at: nowSeconds,
    owner_id: 'cust1',
    owner_type: 'customer',
  }
}

describe('needsRefresh', () => {
  it('is false while the token has more than the margin left, true within it', () => {
    expect(needsRefresh(signedIn, signedIn.accessTokenExpiresAt - REFRESH_MARGIN_MS - 1)).toBe(false)
    expect(needsRefresh(signedIn, signedIn.accessTokenExpiresAt - REFRESH_MARGIN_MS)).toBe(true)
    expect(needsRefresh(signedIn, signedIn.accessTokenExpiresAt + 1)).toBe(true)
  })
})

describe('createCustomerTokenRefresher', () => {
  it('refreshes a token near expiry into new, rotated tokens', async () => {
    const refresh = vi.fn(async () => grant(2, 9_000))
    const refreshTokens = createCustomerTokenRefresher(refresh, { now: () => 9_000_000 })
    const fresh = await refreshTokens(signedIn)
    expect(refresh).toHaveBeenCalledWith('refresh-1')
    expect(fresh).toEqual({
      ...signedIn,
      accessToken: 'access-2',
      refreshToken: 'refresh-2',
      accessTokenExpiresAt: (9_000 + 7200) * 1000,
    })
  })

  it('shares one refresh between concurrent requests, and with a request just after it', async () => {
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const refresh = vi.fn(async () => {
      await gate
      return grant(2, 9_000)
    })
    const refreshTokens = createCustomerTokenRefresher(refresh, { now: () => 9_000_000 })

    const concurrent = Promise.all([refreshTokens(signedIn), refreshTokens(signedIn), refreshTokens(signedIn)])
    release()
    const results = await concurrent
    expect(new Set(results.map((tokens) => tokens.accessToken))).toEqual(new Set(['access-2']))

    // The old refresh token is dead at Commerce Layer now; a late request must reuse the result, not retry.
    expect((await refreshTokens(signedIn)).accessToken).toBe('access-2')
    expect(refresh).toHaveBeenCalledTimes(1)
  })

  it('passes a refused refresh on to every waiting request, and tries again afterwards', async () => {
    const refresh = vi
      .fn<(token: string) => Promise<TokenResponse>>()
      .mockRejectedValueOnce(new AuthError(401, 'invalid_grant', 'The refresh token is invalid.'))
      .mockResolvedValueOnce(grant(3, 9_000))
    const refreshTokens = createCustomerTokenRefresher(refresh, { now: () => 9_000_000 })

    const results = await Promise.allSettled([refreshTokens(signedIn), refreshTokens(signedIn)])
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected'])
    expect((results[0] as PromiseRejectedResult).reason).toBeInstanceOf(AuthError)
    expect(refresh).toHaveBeenCalledTimes(1)

    expect((await refreshTokens(signedIn)).accessToken).toBe('access-3')
  })

  it('backs off after a 429: callers get the busy answer without a request until the back-off is over', async () => {
    let clock = 9_000_000
    const refresh = vi
      .fn<(token: string) => Promise<TokenResponse>>()
      .mockRejectedValueOnce(new AuthError(429, 'too_many_requests', 'Slow down'))
      .mockResolvedValueOnce(grant(4, 9_100))
    const refreshTokens = createCustomerTokenRefresher(refresh, { now: () => clock })

    await expect(refreshTokens(signedIn)).rejects.toMatchObject({ status: 429 })
    clock += BUSY_BACKOFF_MS - 1
    await expect(refreshTokens(signedIn)).rejects.toMatchObject({ status: 429 })
    expect(refresh).toHaveBeenCalledTimes(1)

    clock += 1
    expect((await refreshTokens(signedIn)).accessToken).toBe('access-4')
    expect(refresh).toHaveBeenCalledTimes(2)
  })
})
