import { describe, expect, it } from 'vitest'
import { readSessionCookie, sessionCookieParts } from './session-cookie'

const NAME = 'next-auth.session-token'

describe('session cookie chunks', () => {
  it('keeps a small value in one cookie and deletes old chunks', () => {
    const { parts, stale } = sessionCookieParts('abc', NAME, [`${NAME}.0`, `${NAME}.1`, 'cart'])
    expect(parts).toEqual([{ name: NAME, value: 'abc' }])
    expect(stale).toEqual([`${NAME}.0`, `${NAME}.1`])
  })

  it('splits a large value into chunks that read back whole, in order', () => {
    const value = 'x'.repeat(5000) + 'y'.repeat(5000)
    const { parts, stale } = sessionCookieParts(value, NAME, [NAME])
    expect(parts.map((part) => part.name)).toEqual([`${NAME}.0`, `${NAME}.1`, `${NAME}.2`])
    expect(parts.every((part) => part.value.length <= 3933)).toBe(true)
    expect(stale).toEqual([NAME])
    expect(readSessionCookie([...parts].reverse(), NAME)).toBe(value)
  })

  it('reads nothing when there is no session cookie', () => {
    expect(readSessionCookie([{ name: 'cart', value: 'abc' }], NAME)).toBeUndefined()
  })
})
