// Builds the storefront when there is no production build yet, or when a source file is newer than it.
// `npm start` runs this first, so a fresh clone needs nothing but `npm install && npm start`.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const distDir = process.env.NEXT_DIST_DIR || '.next'
const buildId = join(root, distDir, 'BUILD_ID')
const sources = [
  'app',
  'components',
  'lib',
  'public',
  'next.config.js',
  'tailwind.config.ts',
  'postcss.config.mjs',
  'package-lock.json',
  'proxy.ts',
  'instrumentation.ts',
]

function newestModification(path) {
  if (!existsSync(path)) return 0
  const stats = statSync(path)
  if (!stats.isDirectory()) return stats.mtimeMs
  let newest = stats.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestModification(join(path, entry)))
  return newest
}

const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0
const changedAt = Math.max(...sources.map((source) => newestModification(join(root, source))))

if (builtAt > changedAt) {
  console.log('The production build is up to date.')
} else {
  console.log(
    builtAt === 0
      ? 'No production build yet: building the storefront…'
      : 'Sources changed since the last build: building…',
  )
  const result = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit' })
  process.exit(result.status ?? 1)
}
