import type { ApiLogEntry } from './entry'

/**
 * The request logs of every browser, in memory, with three bounds so that no browser (or crowd of cookie-less
 * clients) can grow it without limit: entries per browser (the oldest fall off), browsers (the least recently
 * used is dropped), and characters in all (least recently used browsers go first; a lone browser loses its
 * oldest entries). A restart forgets everything, which is fine for a developer's view of their own clicks.
 */

export type ApiLogBounds = {
  maxEntriesPerBrowser: number
  maxBrowsers: number
  /** Characters of paths and bodies kept in all, about 2 bytes each. */
  maxTotalChars: number
}

/**
 * 200 entries hold a whole first purchase and a one-click purchase after it, with room for the browsing
 * between them; 500 browsers and 40 M characters (about 80 MB at worst) are enough for a team's shared demo.
 */
export const DEFAULT_BOUNDS: ApiLogBounds = { maxEntriesPerBrowser: 200, maxBrowsers: 500, maxTotalChars: 40_000_000 }

/** Fixed cost counted for an entry besides its text, so that many tiny entries still count. */
const ENTRY_OVERHEAD_CHARS = 100

export type ApiLogStore = ReturnType<typeof createApiLogStore>

export function createApiLogStore(bounds: ApiLogBounds = DEFAULT_BOUNDS) {
  // A Map iterates in insertion order: re-inserting a browser on every use keeps the least recently used first.
  const logs = new Map<string, ApiLogEntry[]>()
  let totalChars = 0
  let lastId = 0

  function touch(browserId: string): ApiLogEntry[] | undefined {
    const log = logs.get(browserId)
    if (log) {
      logs.delete(browserId)
      logs.set(browserId, log)
    }
    return log
  }

  function forget(browserId: string): void {
    const log = logs.get(browserId)
    if (!log) return
    for (const entry of log) totalChars -= charsOf(entry)
    logs.delete(browserId)
  }

  return {
    /** Adds an entry to a browser's log and applies the bounds; answers the entry as stored. */
    add(browserId: string, fields: Omit<ApiLogEntry, 'id'>): ApiLogEntry {
      const entry: ApiLogEntry = { ...fields, id: ++lastId }
      let log = touch(browserId)
      if (!log) {
        log = []
        logs.set(browserId, log)
      }
      log.push(entry)
      totalChars += charsOf(entry)
      while (log.length > bounds.maxEntriesPerBrowser) totalChars -= charsOf(log.shift() as ApiLogEntry)

      while (logs.size > bounds.maxBrowsers) forget(logs.keys().next().value as string)
      while (totalChars > bounds.maxTotalChars) {
        const leastRecent = logs.keys().next().value as string
        if (leastRecent !== browserId) {
          forget(leastRecent)
        } else if (log.length > 1) {
          // This browser is the only one left: it keeps its newest entries.
          totalChars -= charsOf(log.shift() as ApiLogEntry)
        } else {
          break
        }
      }
      return entry
    },

    /** A browser's entries, newest first; an unknown browser has none. */
    entriesOf(browserId: string): ApiLogEntry[] {
      return [...(touch(browserId) ?? [])].reverse()
    },

    forget,

    /** What the store holds, for tests and for anyone wondering what it costs. */
    size(): { browsers: number; entries: number; chars: number } {
      let entries = 0
      for (const log of logs.values()) entries += log.length
      return { browsers: logs.size, entries, chars: totalChars }
    },
  }
}

function charsOf(entry: ApiLogEntry): number {
  return (
    ENTRY_OVERHEAD_CHARS +
    entry.path.length +
    (entry.requestBody?.length ?? 0) +
    (entry.responseBody?.length ?? 0) +
    (entry.error?.length ?? 0)
  )
}
