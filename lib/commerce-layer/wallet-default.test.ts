import { describe, expect, it } from 'vitest'
import { DEFAULT_CHOSEN_AT, defaultSourceId, metadataChosenAsDefault, successorOf } from './wallet-default'

const source = (id: string, createdAt: string, chosen?: string) => ({
  id,
  createdAt,
  metadata: chosen ? { [DEFAULT_CHOSEN_AT]: chosen, label: 'kept' } : {},
})

describe('the default saved source', () => {
  it('is the newest saved when none was chosen', () => {
    expect(defaultSourceId([source('a', '2026-01-01'), source('b', '2026-02-01')])).toBe('b')
  })

  it('is the one chosen most recently, whatever its age', () => {
    const sources = [
      source('new', '2026-03-01'),
      source('old', '2026-01-01', '2026-03-05T10:00:00Z'),
      source('older', '2025-01-01', '2026-03-02T10:00:00Z'),
    ]
    expect(defaultSourceId(sources)).toBe('old')
  })

  it('is nothing in an empty wallet', () => {
    expect(defaultSourceId([])).toBeNull()
  })

  it('is marked in metadata without losing what else is there', () => {
    expect(metadataChosenAsDefault({ label: 'kept' }, new Date('2026-12-01T08:00:00Z'))).toEqual({
      label: 'kept',
      [DEFAULT_CHOSEN_AT]: '2026-12-01T08:00:00.000Z',
    })
  })

  it('passes, on removal, to the next in the list, or the one before the last', () => {
    const entries = [{ id: 'a' }, { id: 'b' }, { id: 'c' }]
    expect(successorOf(entries, 'a')?.id).toBe('b')
    expect(successorOf(entries, 'c')?.id).toBe('b')
    expect(successorOf([{ id: 'a' }], 'a')).toBeNull()
  })
})
