import { describe, expect, it } from 'vitest'
import { listenHost } from './run-shop.mjs'

describe('listenHost (npm start, npm run dev)', () => {
  it('listens on loopback only unless HOSTNAME says otherwise', () => {
    expect(listenHost({})).toBe('127.0.0.1')
    expect(listenHost({ HOSTNAME: '' })).toBe('127.0.0.1')
    expect(listenHost({ HOSTNAME: '0.0.0.0' })).toBe('0.0.0.0')
    expect(listenHost({ HOSTNAME: 'shop.internal' })).toBe('shop.internal')
  })

  it('refuses a HOSTNAME that is not a host name', () => {
    expect(() => listenHost({ HOSTNAME: 'x; rm -rf /' })).toThrow(/HOSTNAME/)
  })
})
