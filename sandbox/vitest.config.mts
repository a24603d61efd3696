import { defineConfig } from 'vitest/config'

// The sandbox's HTTP contract, hardening and tool tests. Runs from this folder (`npm run -w sandbox test`) or
// from the root (`npx vitest run --config sandbox/vitest.config.mts`): the root is this file's folder either way.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
})
