import { describe, expect, it } from 'vitest'
import { defaultEntryFirst, toWalletEntries } from './wallet'
import { DEFAULT_CHOSEN_AT } from './wallet-default'

describe('toWalletEntries', () => {
  it('shows one entry per Klarna customer token, the newest, holding every source that shares it', () => {
    const entries = toWalletEntries([
      {
        id: 'b',
        name: 'Klarna · Pay later · r•••@example.com',
        payment_source_token: 'tok-1',
        created_at: '2026-11-20T10:00:00Z',
      },
      {
        id: 'c',
        name: 'Klarna · Pay now · r•••@example.com',
        payment_source_token: 'tok-2',
        created_at: '2026-11-10T10:00:00Z',
      },
      {
        id: 'a',
        name: 'Klarna · Pay later · r•••@example.com',
        payment_source_token: 'tok-1',
        created_at: '2026-11-01T10:00:00Z',
      },
    ])
    expect(entries).toEqual([
      {
        id: 'b',
        name: 'Klarna · Pay later · r•••@example.com',
        savedAt: '2026-11-20T10:00:00Z',
        // None chosen: the newest saved source is the default.
        isDefault: true,
        metadata: {},
        sourceIds: ['b', 'a'],
      },
      {
        id: 'c',
        name: 'Klarna · Pay now · r•••@example.com',
        savedAt: '2026-11-10T10:00:00Z',
        isDefault: false,
        metadata: {},
        sourceIds: ['c'],
      },
    ])
  })

  it('keeps sources without a token apart', () => {
    const entries = toWalletEntries([
      { id: 'a', name: null, created_at: '2026-11-01T10:00:00Z' },
      { id: 'b', name: null, created_at: '2026-11-02T10:00:00Z' },
    ])
    expect(entries.map((entry) => entry.sourceIds)).toEqual([['b'], ['a']])
  })

  it('lists the default entry first, the rest as they came', () => {
    const entries = toWalletEntries([
      { id: 'a', name: null, payment_source_token: 't1', created_at: '2026-11-03T10:00:00Z' },
      { id: 'b', name: null, payment_source_token: 't2', created_at: '2026-11-02T10:00:00Z' },
      {
        id: 'c',
        name: null,
        payment_source_token: 't3',
        created_at: '2026-11-01T10:00:00Z',
        metadata: { [DEFAULT_CHOSEN_AT]: '2026-11-05T10:00:00Z' },
      },
    ])
    expect(defaultEntryFirst(entries).map((entry) => entry.id)).toEqual(['c', 'a', 'b'])
  })
})
