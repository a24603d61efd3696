import { describe, expect, it } from 'vitest'
import { signValue, verifySignedValue } from './signed-value'

const SECRET = 'a-secret-of-this-deployment-a-secret-of-this-deployment'

describe('signed cookie values', () => {
  it('reads back what the server signed, dots and all', () => {
    expect(verifySignedValue('placed-orders', signValue('placed-orders', 'abc.DEF', SECRET), SECRET)).toBe('abc.DEF')
  })

  it('reads nothing from a bare, tampered, foreign or repurposed value', () => {
    const signed = signValue('cart', 'abc', SECRET)
    expect(verifySignedValue('cart', 'abc', SECRET)).toBeUndefined()
    expect(verifySignedValue('cart', signed.replace('abc', 'abd'), SECRET)).toBeUndefined()
    expect(verifySignedValue('cart', signValue('cart', 'abc', 'another-secret-another-secret-another'), SECRET)).toBe(
      undefined,
    )
    expect(verifySignedValue('placed-orders', signed, SECRET)).toBeUndefined()
    expect(verifySignedValue('cart', undefined, SECRET)).toBeUndefined()
    expect(verifySignedValue('cart', '.abc', SECRET)).toBeUndefined()
  })
})
