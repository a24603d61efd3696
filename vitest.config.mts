import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// The storefront's unit tests (lib/, components/, scripts/). The sandbox has a config of its own
// (sandbox/vitest.config.mts, `npm run test:sandbox`); Playwright owns e2e/.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
})
