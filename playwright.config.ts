import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig, devices } from '@playwright/test'
import { findChromium, playwrightChromiumArgs as chromiumArgs } from './scripts/chromium.cjs'

/**
 * End-to-end tests run against the production build (`npm run build`) and a fresh sandbox database,
 * on ports of their own so they never meet a running `npm start`.
 * E2E_SANDBOX_ONLY=1 starts only the sandbox (for specs that need no storefront).
 */
const storefrontPort = Number(process.env.E2E_PORT ?? 3100)
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 3101)
const sandboxOnly = process.env.E2E_SANDBOX_ONLY === '1'
const storefrontUrl = `http://localhost:${storefrontPort}`
const sandboxUrl = `http://localhost:${sandboxPort}`

// Specs read these to reach the sandbox's doors (request log, clock, Klarna test door).
process.env.E2E_STOREFRONT_URL = storefrontUrl
process.env.E2E_SANDBOX_URL = sandboxUrl

const executablePath = findChromium()

export default defineConfig({
  testDir: './e2e',
  // One folder per port pair, so two runs side by side (a developer's and CI's) never wipe each other's.
  outputDir: `test-results/${storefrontPort}`,
  // Every test seeds its own customers and carts, so tests run side by side; those that change what the whole
  // sandbox does (its faults, its clock, its catalogue) or count its request log are tagged @isolated and run
  // after the rest, one at a time (the `isolated` project).
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: storefrontUrl,
    // A failure keeps its screenshot. Traces (DOM snapshots of every step) cost about a sixth of the run on 2 cores,
    // so they are recorded when asked for: E2E_TRACE=1 keeps one for each failing test.
    trace: process.env.E2E_TRACE === '1' ? { mode: 'retain-on-failure', screenshots: false } : 'off',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath, args: chromiumArgs },
  },
  projects: [
    {
      name: 'desktop',
      testIgnore: /\.seed-mutating\.spec\.ts$/,
      grepInvert: /@isolated/,
      use: { ...devices['Desktop Chrome'], launchOptions: { executablePath, args: chromiumArgs } },
    },
    // Specs tagged @phone run a second time on a 360 px phone.
    {
      name: 'phone',
      grep: /@phone/,
      grepInvert: /@isolated/,
      testIgnore: /\.seed-mutating\.spec\.ts$/,
      use: {
        ...devices['Pixel 7'],
        viewport: { width: 360, height: 780 },
        launchOptions: { executablePath, args: chromiumArgs },
      },
    },
    // Tests tagged @isolated stage faults, move the clock, change the catalogue or count the request log: with
    // nothing else running, one at a time.
    {
      name: 'isolated',
      grep: /@isolated/,
      testIgnore: /\.seed-mutating\.spec\.ts$/,
      dependencies: ['desktop', 'phone'],
      workers: 1,
      use: { ...devices['Desktop Chrome'], launchOptions: { executablePath, args: chromiumArgs } },
    },
    // Specs that change the seed data others rely on (returning@example.com's saved source) run last, in order.
    {
      name: 'seed-mutating',
      testMatch: /\.seed-mutating\.spec\.ts$/,
      dependencies: ['isolated'],
      fullyParallel: false,
      workers: 1,
      use: { ...devices['Desktop Chrome'], launchOptions: { executablePath, args: chromiumArgs } },
    },
  ],
  webServer: [
    {
      command: 'npm run --silent -w sandbox start -- --reset',
      url: `${sandboxUrl}/sandbox/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        SANDBOX_PORT: String(sandboxPort),
        SANDBOX_DB: join(tmpdir(), `klarna-wallet-e2e-${sandboxPort}.db`),
        // Commerce Layer's webhooks (price, stock, placed orders) to the storefront, which revalidates its catalogue.
        ...(sandboxOnly ? {} : { SANDBOX_WEBHOOK_URL: `${storefrontUrl}/api/webhooks/commerce-layer` }),
      },
    },
    ...(sandboxOnly
      ? []
      : [
          {
            command: `npx next start -H 127.0.0.1 -p ${storefrontPort}`,
            url: `${storefrontUrl}/api/health`,
            reuseExistingServer: false,
            timeout: 120_000,
            env: { SANDBOX_PORT: String(sandboxPort), NEXTAUTH_URL: storefrontUrl },
          },
        ]),
  ],
})
