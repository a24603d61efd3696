import { describe, expect, it } from 'vitest'
import { decodeCartCount, encodeCartCount } from './cart-cookie'

describe('the cart count cookie', () => {
  it('gives back the count recorded for the same cart', () => {
    expect(decodeCartCount(encodeCartCount('xYzOrder1', 3), 'xYzOrder1')).toBe(3)
    expect(decodeCartCount(encodeCartCount('xYzOrder1', 0), 'xYzOrder1')).toBe(0)
  })

  it('never shows a count recorded for another cart', () => {
    expect(decodeCartCount(encodeCartCount('oldCart', 5), 'newCart')).toBeNull()
  })

  it('knows nothing when there is no count, or it is not a count', () => {
    expect(decodeCartCount(undefined, 'cart1')).toBeNull()
    expect(decodeCartCount('cart1', 'cart1')).toBeNull()
    expect(decodeCartCount('cart1.-2', 'cart1')).toBeNull()
    expect(decodeCartCount('cart1.2.3', 'cart1')).toBe(2)
  })

  it('records no negative or fractional count', () => {
    expect(encodeCartCount('cart1', -1)).toBe('cart1.0')
    expect(encodeCartCount('cart1', 2.7)).toBe('cart1.2')
  })
})
