import { describe, expect, it } from 'vitest'
import { safeCallbackPath } from './callback-url'

describe('safeCallbackPath', () => {
  it('keeps a path on this site, with its query', () => {
    expect(safeCallbackPath('/checkout')).toBe('/checkout')
    expect(safeCallbackPath('/account/orders?page=2')).toBe('/account/orders?page=2')
  })

  it('refuses other origins and odd values', () => {
    expect(safeCallbackPath('https://evil.example/')).toBe('/account')
    expect(safeCallbackPath('//evil.example/path')).toBe('/account')
    expect(safeCallbackPath('/\\evil.example')).toBe('/account')
    expect(safeCallbackPath('javascript:alert(1)')).toBe('/account')
    expect(safeCallbackPath(undefined, '/')).toBe('/')
  })
})
