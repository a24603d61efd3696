import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig, devices } from '@playwright/test'
import { findChromium, playwrightChromiumArgs as chromiumArgs } from './scripts/chromium.cjs'

/**
 * Two storefront instances of one production build, sharing a Redis (Debian's redis-server, on loopback, nothing
 * kept on disk) and one sandbox: what a deployment behind a load balancer looks like. Ports of their own, so a
 * run never meets the main end-to-end run: E2E_PORT, E2E_SECOND_PORT, E2E_SANDBOX_PORT, E2E_REDIS_PORT.
 */
const firstPort = Number(process.env.E2E_PORT ?? 3104)
const secondPort = Number(process.env.E2E_SECOND_PORT ?? firstPort + 2)
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? firstPort + 1)
const redisPort = Number(process.env.E2E_REDIS_PORT ?? 6390)
const first = `http://localhost:${firstPort}`
const second = `http://localhost:${secondPort}`
const sandboxUrl = `http://localhost:${sandboxPort}`

process.env.E2E_STOREFRONT_URL = first
process.env.E2E_SECOND_STOREFRONT_URL = second
process.env.E2E_SANDBOX_URL = sandboxUrl

const executablePath = findChromium()

// What every instance of one deployment must share: the session secret, the server actions' key, the cache.
const shared = {
  SANDBOX_PORT: String(sandboxPort),
  NEXTAUTH_SECRET: 'two-instances-test-secret-0123456789abcdef',
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: 'cTJ3X2tleV9mb3JfdHdvX2luc3RhbmNlc190ZXN0czE=',
  REDIS_URL: `redis://127.0.0.1:${redisPort}`,
}

export default defineConfig({
  testDir: './e2e-instances',
  outputDir: `test-results/instances-${firstPort}`,
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  use: {
    baseURL: first,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: { executablePath, args: chromiumArgs },
  },
  webServer: [
    {
      command: `redis-server --bind 127.0.0.1 --port ${redisPort} --save '' --appendonly no`,
      port: redisPort,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      command: 'npm run --silent -w sandbox start -- --reset',
      url: `${sandboxUrl}/sandbox/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        SANDBOX_PORT: String(sandboxPort),
        SANDBOX_DB: join(tmpdir(), `klarna-wallet-instances-${sandboxPort}.db`),
        // Commerce Layer calls one instance; the other must hear of it through Redis.
        SANDBOX_WEBHOOK_URL: `${first}/api/webhooks/commerce-layer`,
      },
    },
    ...[firstPort, secondPort].map((port) => ({
      command: `npx next start -H 127.0.0.1 -p ${port}`,
      url: `http://localhost:${port}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { ...shared, NEXTAUTH_URL: `http://localhost:${port}` },
    })),
  ],
})
