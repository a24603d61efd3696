import { fileURLToPath } from 'node:url'
import madge from 'madge'
import { expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
// Imports of types are followed too: a cycle through types still hides which file owns a definition.
const followTypes = { skipTypeImports: false }

it('the storefront has no import cycle, through values or types', async () => {
  const graph = await madge(['app', 'components', 'lib', 'e2e', 'scripts', 'proxy.ts', 'instrumentation.ts'], {
    baseDir: root,
    fileExtensions: ['ts', 'tsx', 'mts', 'mjs', 'cjs'],
    tsConfig: `${root}tsconfig.json`,
    detectiveOptions: { ts: followTypes, tsx: followTypes },
    excludeRegExp: [/node_modules/, /\.next/],
  })
  expect(Object.keys(graph.obj()).length).toBeGreaterThan(100)
  expect(graph.circular()).toEqual([])
})
