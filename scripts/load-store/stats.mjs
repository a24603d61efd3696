// What the storefront load test measures and prints.
const CACHEABLE =
  /^\/api\/(bundles|imports|markets|prices|price_lists|promotions|\w+_promotions|skus|sku_options|stock_items|stock_locations)\b/

const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : 0

export function createStats() {
  const timings = new Map()
  const busyByStep = new Map()
  const counts = { pageViews: 0, checkouts: 0, signIns: 0, signInPhaseMs: 0, tryAgainPages: 0 }
  const errors = []
  return {
    errors,
    time(step, ms) {
      if (!timings.has(step)) timings.set(step, [])
      timings.get(step).push(ms)
    },
    busy: (step) => busyByStep.set(step, (busyByStep.get(step) ?? 0) + 1),
    pageView: () => counts.pageViews++,
    checkout: () => counts.checkouts++,
    signIn: () => counts.signIns++,
    signInPhase: (ms) => (counts.signInPhaseMs = ms),
    tryAgainPage: () => counts.tryAgainPages++,
    error: (message) => errors.push(message),
    print({ elapsedMs, requests, limits }) {
      const minutes = elapsedMs / 60_000
      const classes = { token: 0, cacheable: 0, uncacheable: 0, write: 0 }
      let throttled = 0
      for (const entry of requests) {
        if (entry.status === 429) {
          throttled++
          continue
        }
        if (entry.path === '/oauth/token') classes.token++
        else if (entry.method !== 'GET') classes.write++
        else if (CACHEABLE.test(entry.path)) classes.cacheable++
        else classes.uncacheable++
      }
      // What Commerce Layer served (a refused request did nothing and is counted apart, as a 429).
      const api = requests.filter((entry) => entry.path.startsWith('/api/') && entry.status !== 429)
      console.log(
        `\nsign-ins: ${counts.signIns} in ${(counts.signInPhaseMs / 1000).toFixed(1)} s ` +
          `(${(counts.signIns / (counts.signInPhaseMs / 60_000)).toFixed(1)}/min, every shopper at once)`,
      )
      console.log(`shopping: ${(elapsedMs / 1000).toFixed(1)} s, rate limits ${limits ? 'on' : 'off'}`)
      console.log(
        `pages: ${counts.pageViews} (${(counts.pageViews / (elapsedMs / 1000)).toFixed(1)}/s); checkouts: ${counts.checkouts} (${(counts.checkouts / minutes).toFixed(1)}/min); sign-ins: ${counts.signIns}`,
      )
      console.log('step                 count    p50 ms    p99 ms   busy answers')
      for (const [step, list] of timings) {
        const sorted = [...list].sort((a, b) => a - b)
        console.log(
          `${step.padEnd(20)} ${String(list.length).padStart(5)} ${percentile(sorted, 0.5).toFixed(0).padStart(9)} ${percentile(sorted, 0.99).toFixed(0).padStart(9)} ${String(busyByStep.get(step) ?? 0).padStart(14)}`,
        )
      }
      const perCheckout = (n) => (counts.checkouts ? (n / counts.checkouts).toFixed(2) : '–')
      console.log(
        `Commerce Layer requests served: ${api.length + classes.token} (${api.length} Core API, ${classes.token} /oauth/token); ` +
          `per checkout: ${perCheckout(api.length)} (cacheable reads ${perCheckout(classes.cacheable)}, uncacheable reads ${perCheckout(classes.uncacheable)}, writes ${perCheckout(classes.write)})`,
      )
      console.log(
        `per page view (everything ÷ pages): ${counts.pageViews ? (api.length / counts.pageViews).toFixed(3) : '–'} Core API requests; ` +
          `tokens granted: ${(classes.token / minutes).toFixed(1)}/min; 429s from Commerce Layer: ${throttled}; ` +
          `"try again" pages shown: ${counts.tryAgainPages}`,
      )
    },
  }
}
