import { fileURLToPath } from 'node:url'
import madge from 'madge'
import { expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
// Imports of types are followed too: a cycle through types still hides which file owns a definition.
const followTypes = { skipTypeImports: false }

it('the sandbox has no import cycle, through values or types', async () => {
  const graph = await madge(['src', 'test', 'bench', 'load'], {
    baseDir: root,
    fileExtensions: ['ts'],
    tsConfig: `${root}tsconfig.json`,
    detectiveOptions: { ts: followTypes },
    excludeRegExp: [/node_modules/],
  })
  expect(Object.keys(graph.obj()).length).toBeGreaterThan(100)
  expect(graph.circular()).toEqual([])
})
