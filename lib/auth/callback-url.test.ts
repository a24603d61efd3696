import { describe, expect, it } from 'vitest'
import { MAX_CALLBACK_PATH_LENGTH, safeCallbackPath } from './callback-url'

describe('safeCallbackPath', () => {
  it('keeps a path on this site, with its query', () => {
    expect(safeCallbackPath('/checkout')).toBe('/checkout')
    expect(safeCallbackPath('/account/orders?page=2')).toBe('/account/orders?page=2')
    expect(safeCallbackPath('/account/./orders')).toBe('/account/orders')
  })

  it('refuses other origins and odd values', () => {
    expect(safeCallbackPath('https://evil.example/')).toBe('/account')
    expect(safeCallbackPath('//evil.example/path')).toBe('/account')
    expect(safeCallbackPath('/\\evil.example')).toBe('/account')
    expect(safeCallbackPath('javascript:alert(1)')).toBe('/account')
    expect(safeCallbackPath(undefined, '/')).toBe('/')
  })

  it('refuses paths that only become another origin once normalised', () => {
    for (const sneaky of [
      '/.//evil.example',
      '/%2e//evil.example',
      '/%2E%2E//evil.example',
      '/a/..//evil.example',
      '/./\\evil.example',
      '/a\\..\\..\\/evil.example',
      '/\tevil',
    ]) {
      expect(safeCallbackPath(sneaky), sneaky).toBe('/account')
    }
  })

  it('refuses a value longer than any page address', () => {
    expect(safeCallbackPath('/' + 'a'.repeat(MAX_CALLBACK_PATH_LENGTH))).toBe('/account')
  })
})
