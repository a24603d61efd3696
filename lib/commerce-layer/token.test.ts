import { describe, expect, it, vi } from 'vitest'
import { createTokenCache, type CachedToken } from './token'

function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('createTokenCache', () => {
  it('makes one request for concurrent callers', async () => {
    const pending = deferred<CachedToken>()
    const fetchToken = vi.fn(() => pending.promise)
    const getToken = createTokenCache(fetchToken, { now: () => 0 })

    const callers = Promise.all([getToken(), getToken(), getToken()])
    pending.resolve({ accessToken: 'one', expiresAt: 3_600_000 })

    expect(await callers).toEqual(['one', 'one', 'one'])
    expect(fetchToken).toHaveBeenCalledTimes(1)
  })

  it('keeps the token until shortly before it expires, then renews it', async () => {
    let now = 0
    let issued = 0
    const fetchToken = vi.fn(async () => ({ accessToken: `token-${++issued}`, expiresAt: now + 60 * 60_000 }))
    const getToken = createTokenCache(fetchToken, { renewBeforeMs: 5 * 60_000, now: () => now })

    expect(await getToken()).toBe('token-1')
    now = 54 * 60_000
    expect(await getToken()).toBe('token-1')
    now = 55 * 60_000
    expect(await getToken()).toBe('token-2')
    expect(fetchToken).toHaveBeenCalledTimes(2)
  })

  it('does not cache a failure: the next caller asks again', async () => {
    const fetchToken = vi
      .fn<() => Promise<CachedToken>>()
      .mockRejectedValueOnce(new Error('auth down'))
      .mockResolvedValueOnce({ accessToken: 'recovered', expiresAt: Number.MAX_SAFE_INTEGER })
    const getToken = createTokenCache(fetchToken, { now: () => 0 })

    await expect(getToken()).rejects.toThrow('auth down')
    expect(await getToken()).toBe('recovered')
  })
})
