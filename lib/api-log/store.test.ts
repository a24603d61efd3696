import { describe, expect, it } from 'vitest'
import { createApiLogStore, DEFAULT_BOUNDS } from './store'
import type { ApiLogEntry } from './entry'

function fields(path: string, body: string | null = null): Omit<ApiLogEntry, 'id'> {
  return {
    at: '2026-01-01T00:00:00.000Z',
    method: 'GET',
    path,
    status: 200,
    durationMs: 1,
    requestBody: null,
    responseBody: body,
    error: null,
    seedStep: null,
  }
}

const paths = (entries: ApiLogEntry[]) => entries.map((entry) => entry.path)

describe('createApiLogStore', () => {
  it("shows a browser its own entries, newest first, and nobody else's", () => {
    const store = createApiLogStore()
    store.add('browser-a', fields('/a/1'))
    store.add('browser-b', fields('/b/1'))
    store.add('browser-a', fields('/a/2'))

    expect(paths(store.entriesOf('browser-a'))).toEqual(['/a/2', '/a/1'])
    expect(paths(store.entriesOf('browser-b'))).toEqual(['/b/1'])
    expect(store.entriesOf('browser-c')).toEqual([])
  })

  it('gives every entry a new, increasing id', () => {
    const store = createApiLogStore()
    const first = store.add('a', fields('/1'))
    const second = store.add('b', fields('/2'))
    expect(second.id).toBeGreaterThan(first.id)
  })

  it('keeps at most maxEntriesPerBrowser entries per browser, dropping the oldest', () => {
    const store = createApiLogStore({ ...DEFAULT_BOUNDS, maxEntriesPerBrowser: 3 })
    for (let index = 1; index <= 5; index++) store.add('a', fields(`/${index}`))
    expect(paths(store.entriesOf('a'))).toEqual(['/5', '/4', '/3'])
    expect(store.size().entries).toBe(3)
  })

  it('keeps at most maxBrowsers browsers, dropping the least recently used', () => {
    const store = createApiLogStore({ ...DEFAULT_BOUNDS, maxBrowsers: 2 })
    store.add('a', fields('/a'))
    store.add('b', fields('/b'))
    store.entriesOf('a') // reading the panel counts as use
    store.add('c', fields('/c'))

    expect(store.size().browsers).toBe(2)
    expect(paths(store.entriesOf('a'))).toEqual(['/a'])
    expect(store.entriesOf('b')).toEqual([])
    expect(paths(store.entriesOf('c'))).toEqual(['/c'])
  })

  it('keeps the characters held in all under maxTotalChars, dropping least recently used browsers first', () => {
    const body = 'x'.repeat(900) // with the path and the fixed cost, about 1,000 characters an entry
    const store = createApiLogStore({ maxEntriesPerBrowser: 100, maxBrowsers: 100, maxTotalChars: 3_500 })
    store.add('a', fields('/a', body))
    store.add('b', fields('/b', body))
    store.add('c', fields('/c', body))
    store.add('d', fields('/d', body))

    expect(store.size().chars).toBeLessThanOrEqual(3_500)
    expect(store.entriesOf('a')).toEqual([])
    expect(paths(store.entriesOf('d'))).toEqual(['/d'])
  })

  it('lets a browser left alone over the budget keep its newest entries', () => {
    const body = 'x'.repeat(900)
    const store = createApiLogStore({ maxEntriesPerBrowser: 100, maxBrowsers: 100, maxTotalChars: 2_500 })
    for (let index = 1; index <= 4; index++) store.add('a', fields(`/${index}`, body))

    expect(paths(store.entriesOf('a'))).toEqual(['/4', '/3'])
    expect(store.size().chars).toBeLessThanOrEqual(2_500)
  })

  it('accounts for what it holds exactly, through drops and forgets', () => {
    const store = createApiLogStore({ maxEntriesPerBrowser: 2, maxBrowsers: 2, maxTotalChars: 1_000_000 })
    store.add('a', fields('/a1', 'one'))
    store.add('a', fields('/a2', 'two'))
    store.add('a', fields('/a3', 'three'))
    store.add('b', fields('/b1'))
    store.add('c', fields('/c1'))
    store.forget('c')
    // Left: b's one entry, its path (3 characters) and the fixed cost of 100.
    expect(store.size()).toEqual({ browsers: 1, entries: 1, chars: 103 })
    store.forget('b')
    expect(store.size()).toEqual({ browsers: 0, entries: 0, chars: 0 })
  })
})
