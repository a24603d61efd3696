/** What the sandbox remembers of each request, for `GET /sandbox/requests` and the benchmarks. */
export type LoggedRequest = {
  seq: number
  at: string
  method: string
  path: string
  query: string
  status: number
  ms: number
}

/** A bounded, in-memory log: the newest entries win, the oldest fall off. */
export class RequestLog {
  private entries: LoggedRequest[] = []
  private seq = 0

  constructor(private readonly capacity = 10_000) {}

  add(entry: Omit<LoggedRequest, 'seq'>): LoggedRequest {
    const logged = { ...entry, seq: ++this.seq }
    this.entries.push(logged)
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity)
    return logged
  }

  /** Entries after `since` (a seq number), oldest first. */
  list(since = 0): LoggedRequest[] {
    return this.entries.filter((entry) => entry.seq > since)
  }

  get lastSeq(): number {
    return this.seq
  }

  clear(): void {
    this.entries = []
  }
}
