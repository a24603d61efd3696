import { describe, expect, it } from 'vitest'
import { retryAfterMs } from './retry-after'

describe('retryAfterMs', () => {
  it('reads seconds, an HTTP date, and counts anything else as a second', () => {
    expect(retryAfterMs('7')).toBe(7000)
    expect(retryAfterMs(' 0 ')).toBe(0)
    const now = Date.parse('2026-12-01T08:00:00Z')
    expect(retryAfterMs('Tue, 01 Dec 2026 08:00:03 GMT', now)).toBe(3000)
    expect(retryAfterMs('Tue, 01 Dec 2026 07:00:00 GMT', now)).toBe(0)
    expect(retryAfterMs(null)).toBe(1000)
    expect(retryAfterMs('soon')).toBe(1000)
  })
})
