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

/**
 * Playwright's own `--disable-features` (chromiumSwitches.ts, Playwright 1.65), and the omnibox popup's WebUI,
 * which a full Chromium in headless mode renders for every window, in a renderer of its own: a Playwright page
 * is a window, so on 2 cores that renderer took a fifth of an end-to-end run. Chromium keeps only the last
 * `--disable-features` it is given, so this one repeats Playwright's list; compare it when upgrading Playwright.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
]
const OMNIBOX_WEBUI_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'WebUIOmniboxFullPopup']

/** `chromiumArgs` for a Chromium that Playwright launches. */
const playwrightChromiumArgs = [
  ...chromiumArgs,
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...OMNIBOX_WEBUI_FEATURES].join(',')}`,
]

module.exports = { findChromium, chromiumArgs, playwrightChromiumArgs }

if (require.main === module) {
  const found = findChromium()
  if (found) console.log(found)
  else process.exit(1)
}
