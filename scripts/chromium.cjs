// Finds the Chromium that Playwright, Lighthouse and the benchmarks drive:
// CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own download (if installed).
// CommonJS, so that both the Node scripts (ESM) and Playwright's TypeScript config can load it.
const { existsSync } = require('node:fs')

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate
  try {
    const own = require('@playwright/test').chromium.executablePath()
    if (own && existsSync(own)) return own
  } catch {
    // Playwright's own browser is not installed; the caller decides what to do.
  }
  return undefined
}

/** Flags for a headless Chromium on a closed network, as root in CI. */
const chromiumArgs = [
  ...(process.getuid && process.getuid() === 0 ? ['--no-sandbox'] : []),
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

module.exports = { findChromium, chromiumArgs }

if (require.main === module) {
  const found = findChromium()
  if (found) console.log(found)
  else process.exit(1)
}
