import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Unit tests (lib/, components/) and the sandbox's HTTP contract tests (sandbox/test/). Playwright owns e2e/.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'sandbox/test/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
})
