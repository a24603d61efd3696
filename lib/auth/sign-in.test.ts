import { describe, expect, it, vi } from 'vitest'
import { AuthError, type TokenResponse } from '@/lib/commerce-layer/token'
import { createMemoryStore } from '@/lib/security/shared-store'
import { signInErrorMessage } from './messages'
import { signInWithPassword } from './sign-in'
import { createThrottle } from './throttle'

const EMAIL = 'shopper@example.com'
const RIGHT = 'the-right-password'

function commerceLayer() {
  let answer: 'normal' | 'busy' = 'normal'
  const grant = vi.fn(async (email: string, password: string): Promise<TokenResponse> => {
    if (answer === 'busy') throw new AuthError(429, 'too_many_requests', 'Rate limit exceeded')
    if (email !== EMAIL || password !== RIGHT) throw new AuthError(401, 'invalid_grant', 'Wrong credentials')
    return {
      access_token: 'access',
      refresh_token: 'refresh',
      token_type: 'bearer',
      expires_in: 7200,
      scope: 'market:code:europe',
      created_at: 1,
      owner_id: 'cust1',
      owner_type: 'customer',
    }
  })
  return { grant, busy: () => (answer = 'busy') }
}

function setUp(now = () => Date.now()) {
  const cl = commerceLayer()
  const throttle = createThrottle(() => store, now)
  const store = createMemoryStore({ now })
  const signIn = (email: string, password: string, client = '203.0.113.7') =>
    signInWithPassword({ email, password }, client, { passwordGrant: cl.grant, throttle, refusalFloorMs: 0 })
  return { cl, signIn }
}

const messageOf = (attempt: Promise<unknown>) =>
  attempt.then(
    (user) => (user ? 'signed in' : signInErrorMessage(undefined)),
    (error: Error) => signInErrorMessage(error.message),
  )

describe('signInWithPassword', () => {
  it('signs in with the right password', async () => {
    const { signIn } = setUp()
    expect(await signIn(EMAIL, RIGHT)).toMatchObject({ id: 'cust1', email: EMAIL })
  })

  it('after 5 wrong passwords for an email, refuses even the right one for a minute, without asking Commerce Layer', async () => {
    let clock = 1_000_000
    const { cl, signIn } = setUp(() => clock)
    const answers: string[] = []
    for (let attempt = 0; attempt < 15; attempt++) answers.push(await messageOf(signIn(EMAIL, `guess-${attempt}`)))
    expect(answers.slice(0, 5)).toEqual(Array(5).fill('Email or password is incorrect'))
    expect(new Set(answers.slice(5))).toEqual(new Set(['Too many attempts, try again in 60 s.']))
    expect(await messageOf(signIn(EMAIL, RIGHT))).toBe('Too many attempts, try again in 60 s.')
    expect(cl.grant).toHaveBeenCalledTimes(5)

    clock += 45_000
    expect(await messageOf(signIn(EMAIL, RIGHT))).toBe('Too many attempts, try again in 15 s.')
    clock += 15_000
    expect(await messageOf(signIn(EMAIL, RIGHT))).toBe('signed in')
  })

  it('throttles one client trying many emails', async () => {
    const { signIn } = setUp()
    for (let n = 0; n < 20; n++) await signIn(`someone${n}@example.com`, 'guess')
    expect(await messageOf(signIn(EMAIL, RIGHT))).toMatch(/^Too many attempts/)
    // Another client is not held back by this one.
    expect(await messageOf(signIn(EMAIL, RIGHT, '198.51.100.1'))).toBe('signed in')
  })

  it('says the shop is busy when Commerce Layer answers 429, and does not count it as a wrong password', async () => {
    const { cl, signIn } = setUp()
    cl.busy()
    for (let n = 0; n < 6; n++) {
      expect(await messageOf(signIn(EMAIL, RIGHT))).toBe('The shop is busy, try again in a few seconds.')
    }
    expect(cl.grant).toHaveBeenCalledTimes(6)
  })

  it('answers an unknown email and a wrong password alike, and no sooner than the floor', async () => {
    const cl = commerceLayer()
    const throttle = createThrottle(() => createMemoryStore())
    const timed = async (email: string) => {
      const started = performance.now()
      const result = await signInWithPassword({ email, password: 'wrong' }, 'c', {
        passwordGrant: async (...args) => {
          // An unknown email refused at once, a wrong password after a hash check.
          if (email === EMAIL) await new Promise((resolve) => setTimeout(resolve, 80))
          return cl.grant(...args)
        },
        throttle,
        refusalFloorMs: 300,
      })
      return { result, ms: performance.now() - started }
    }
    const [unknown, wrong] = [await timed('nobody@example.com'), await timed(EMAIL)]
    expect(unknown.result).toBeNull()
    expect(wrong.result).toBeNull()
    expect(unknown.ms).toBeGreaterThanOrEqual(295)
    expect(Math.abs(unknown.ms - wrong.ms)).toBeLessThan(100)
  })
})
