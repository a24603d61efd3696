import { describe, expect, it } from 'vitest'
import { countryName, countryOptions } from './countries'

describe('countryName', () => {
  it('names a region code in English', () => {
    expect(countryName('IT')).toBe('Italy')
    expect(countryName('DE')).toBe('Germany')
  })

  it('leaves what is not a region code as it came', () => {
    expect(countryName('ITALY')).toBe('ITALY')
  })
})

describe('countryOptions', () => {
  it('sorts by name, not by code', () => {
    expect(countryOptions(['DE', 'AT', 'DK']).map((option) => option.name)).toEqual(['Austria', 'Denmark', 'Germany'])
  })
})
