// Finds the Chromium that Playwright, Lighthouse and the benchmarks drive:
// CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own download (if installed).
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate
  try {
    const { chromium } = require('@playwright/test')
    const own = chromium.executablePath()
    if (own && existsSync(own)) return own
  } catch {
    // Playwright's own browser is not installed; the caller decides what to do.
  }
  return undefined
}

/** Flags for a headless Chromium on a closed network, as root in CI. */
export const chromiumArgs = [
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = findChromium()
  if (found) console.log(found)
  else process.exit(1)
}
