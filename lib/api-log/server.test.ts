import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const request = vi.hoisted(() => ({
  showApiLog: true,
  /** The api_log cookie of the request being served; `outside` when there is no request at all. */
  cookie: undefined as string | undefined | 'outside',
  cookieReads: 0,
}))

vi.mock('@/lib/env', () => ({
  env: () => ({ showApiLog: request.showApiLog, authSecret: 'test-secret-test-secret-test-secret-test' }),
}))
vi.mock('next/headers', () => ({
  cookies: async () => {
    request.cookieReads += 1
    if (request.cookie === 'outside') throw new Error('`cookies` was called outside a request scope.')
    const value = request.cookie
    return { get: (name: string) => (name === 'api_log' && value !== undefined ? { name, value } : undefined) }
  },
}))

const { apiLog, entriesForThisBrowser, fetchWithApiLog } = await import('./server')
const { signValue } = await import('@/lib/security/signed-value')

const BROWSER = '0b5f8a52-6a4e-4f0e-9d55-3f1c1c7f2b10'
const BROWSER_COOKIE = signValue('api-log', BROWSER)
const GRANT_URL = 'http://localhost:3001/oauth/token'
const grantInit = {
  method: 'POST',
  body: JSON.stringify({ grant_type: 'password', username: 'a@example.com', password: 'demo1234' }),
}
const fetchMock = vi.fn(async () =>
  Response.json({ access_token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl', token_type: 'bearer' }),
)

beforeEach(() => {
  Object.assign(request, { showApiLog: true, cookie: BROWSER_COOKIE, cookieReads: 0 })
  fetchMock.mockClear()
  vi.stubGlobal('fetch', fetchMock)
  apiLog().forget(BROWSER)
})
afterEach(() => vi.unstubAllGlobals())

describe('fetchWithApiLog', () => {
  it('records the exchange for the browser this request serves, secrets redacted, leaving the body to the caller', async () => {
    const response = await fetchWithApiLog(GRANT_URL, grantInit)

    expect(fetchMock).toHaveBeenCalledWith(GRANT_URL, grantInit)
    expect(((await response.json()) as { token_type: string }).token_type).toBe('bearer')
    const [entry] = await entriesForThisBrowser()
    expect(entry).toMatchObject({ method: 'POST', path: '/oauth/token', status: 200, seedStep: null })
    expect(entry?.requestBody).toContain('"password": "[redacted]"')
    expect(entry?.responseBody).toContain('"access_token": "[redacted]"')
    expect(JSON.stringify(entry)).not.toMatch(/demo1234|eyJhbGci/)
  })

  it('records a request that got no answer, and still fails it', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('fetch failed'))
    await expect(fetchWithApiLog(GRANT_URL, grantInit)).rejects.toThrow('fetch failed')
    expect(await entriesForThisBrowser()).toMatchObject([{ status: null, error: 'fetch failed', responseBody: null }])
  })

  it('costs nothing when the log is off: plain fetch, no cookie read, nothing stored', async () => {
    request.showApiLog = false
    await fetchWithApiLog(GRANT_URL, grantInit)
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(request.cookieReads).toBe(0)
    expect(apiLog().entriesOf(BROWSER)).toEqual([])
  })

  it('records nothing for a request without the cookie, or outside any request', async () => {
    request.cookie = undefined
    await fetchWithApiLog(GRANT_URL, grantInit)
    request.cookie = 'outside'
    await fetchWithApiLog(GRANT_URL, grantInit)
    request.cookie = 'not-an-id-we-made'
    await fetchWithApiLog(GRANT_URL, grantInit)

    expect(fetchMock).toHaveBeenCalledTimes(3)
    expect(apiLog().entriesOf(BROWSER)).toEqual([])
    expect(apiLog().entriesOf('not-an-id-we-made')).toEqual([])
  })
})
