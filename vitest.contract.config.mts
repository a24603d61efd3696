import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

/**
 * `npm run test:contract`: the API-level flow of lib/commerce-layer/, run outside Next.js against a fresh
 * sandbox (or, with CL_* set, a real organization; see contract/README in README.md). lib/commerce-layer's
 * transport imports `next/headers` only for the Developer panel's request log, which is off here
 * (SHOW_API_LOG=0), so the modules load as they are: no copy of any function.
 */
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['contract/**/*.contract.test.ts'],
    environment: 'node',
    globalSetup: ['contract/global-setup.ts'],
    env: { SHOW_API_LOG: '0' },
    // One flow, step by step, each step on what the one before made.
    sequence: { concurrent: false },
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
})
