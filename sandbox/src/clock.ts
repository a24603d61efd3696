/**
 * The sandbox's notion of "now". Everything that expires (tokens, Klarna sessions and authorizations) asks
 * this clock, so tests can move time instead of waiting for it.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
  /** Moves this clock forward (or back, with a negative number). */
  advance(ms: number): void
  /** Forgets every advance: back to the wall clock (or to the start time of a fixed clock). */
  reset(): void
}

/** The wall clock plus an offset that tests (and `POST /sandbox/clock`) can move. */
export function createClock(start?: number): Clock {
  let offset = 0
  const base = () => (start === undefined ? Date.now() : start)
  return {
    now: () => base() + offset,
    advance(ms) {
      offset += ms
    },
    reset() {
      offset = 0
    },
  }
}

export const isoTime = (ms: number) => new Date(ms).toISOString()
