import type { Clock } from './clock'
import type { ServerResponse } from 'node:http'

/**
 * Failures the sandbox can stage on purpose, so the storefront's handling of them can be seen and tested:
 * latency before every Commerce Layer and Klarna answer (`SANDBOX_LATENCY_MS`, or the door), and an outage
 * during which those requests get their connection cut, as when the service is down. Sandbox-only doors
 * (`/sandbox/...`) keep answering, so a test can end the outage it started.
 */
export class Faults {
  latencyMs: number
  private outageUntil = 0

  constructor(
    private readonly clock: Pick<Clock, 'now'>,
    latencyMs = 0,
  ) {
    this.latencyMs = latencyMs
  }

  /** An outage from now on, for this long (0 ends it). Measured on the wall clock, not the movable one. */
  startOutage(seconds: number): void {
    this.outageUntil = seconds > 0 ? Date.now() + seconds * 1000 : 0
  }

  /**
   * Applies the staged faults to one request before it is answered: resolves to false when the request is lost
   * to an outage (its connection cut, no answer, as far as clients can tell), after the staged latency otherwise.
   * The sandbox's own doors (`/sandbox/...`) are never delayed nor cut.
   */
  async letThrough(path: string, res: ServerResponse): Promise<boolean> {
    if (path.startsWith('/sandbox/')) return true
    if (this.inOutage) {
      res.destroy()
      return false
    }
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs))
    return true
  }

  get inOutage(): boolean {
    return Date.now() < this.outageUntil
  }

  reset(): void {
    this.latencyMs = 0
    this.outageUntil = 0
  }

  describe() {
    return {
      latency_ms: this.latencyMs,
      outage_until: this.inOutage ? new Date(this.outageUntil).toISOString() : null,
      now: new Date(this.clock.now()).toISOString(),
    }
  }
}
