import { defineConfig, globalIgnores } from 'eslint/config'
import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'

/** UI feature folders: each one imports another only through that feature's index.ts. */
const FEATURES = [
  'account',
  'buy-now',
  'cart',
  'catalog',
  'checkout',
  'developer',
  'klarna',
  'layout',
  'orders',
  'wallet',
]

const featureBoundaries = FEATURES.map((feature) => ({
  files: [`components/${feature}/**`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['@/components/*/*', '!@/components/ui/*', `!@/components/${feature}/*`],
            message:
              "Import another feature through its index.ts (what it exports on purpose), e.g. '@/components/cart'.",
          },
        ],
      },
    ],
  },
}))

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ['**/*.{js,jsx,mjs,ts,tsx,mts,cts}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // One import order everywhere (eslint --fix applies it): Node's, packages, ours by '@/', then relative.
      'import/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', ['parent', 'sibling', 'index'], 'type'],
          pathGroups: [{ pattern: '@/**', group: 'internal' }],
          pathGroupsExcludedImportTypes: ['builtin'],
          'newlines-between': 'never',
          alphabetize: { order: 'asc', caseInsensitive: true },
        },
      ],
    },
  },
  ...featureBoundaries,
  {
    // The sandbox is a plain Node program, not React or Next: their rules would misread it
    // (a function named useRefreshToken is not a hook there).
    files: ['sandbox/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off', '@next/next/no-assign-module-variable': 'off' },
  },
  {
    // CommonJS helpers shared by Node scripts and Playwright's config.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  globalIgnores([
    '.next/**',
    '.next-*/**',
    'out/**',
    'build/**',
    'next-env.d.ts',
    '.data/**',
    'test-results/**',
    'playwright-report/**',
  ]),
])
