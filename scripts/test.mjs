// `npm test`: every check, in the order that fails fastest, then a table of each step's duration and one closing
// line that counts them.
import { spawnSync } from 'node:child_process'
import { findChromium } from './chromium.cjs'

const steps = [
  ['format', 'npm', ['run', '--silent', 'format:check']],
  ['types', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['unit tests', 'npx', ['vitest', 'run']],
  ['sandbox tests', 'npm', ['run', '--silent', 'test:sandbox']],
  // Against a fresh sandbox of its own (CONTRACT_SANDBOX_PORT, default 3301); against a real organization with CL_*.
  ['contract (lib/commerce-layer against the sandbox)', 'npm', ['run', '--silent', 'test:contract']],
  [
    'sandbox under load (npm run load: 10 s, 20 shoppers, then the audit)',
    'npm',
    ['run', '--silent', 'load', '--', '--seconds', '10', '--shoppers', '20'],
  ],
  ['production build', 'npx', ['next', 'build']],
  ['end-to-end (Playwright, Chromium)', 'npx', ['playwright', 'test']],
  [
    'two instances sharing Redis (Playwright: a webhook, a cart and a session across instances)',
    'npx',
    ['playwright', 'test', '-c', 'playwright.instances.config.ts'],
    { needs: 'redis-server' },
  ],
]

/** Whether a program is on the PATH (the two-instance step needs Debian's redis-server, which .ci/run installs). */
function hasProgram(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0
}

if (!findChromium()) {
  console.log("No Chromium found (CHROMIUM_PATH, /usr/bin/chromium): installing Playwright's own…")
  const install = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' })
  if (install.status !== 0) {
    console.error("Could not install a Chromium. Install Debian's (apt-get install chromium) or set CHROMIUM_PATH.")
    process.exit(1)
  }
}

/** @type {{ name: string, seconds: string, outcome: string }[]} */
const durations = []

function printDurations() {
  const width = Math.max(...durations.map((row) => row.name.length))
  console.log('\nstep durations:')
  for (const row of durations) console.log(`  ${row.name.padEnd(width)}  ${row.seconds.padStart(7)} s  ${row.outcome}`)
}

let passed = 0
for (const [name, command, args, { needs } = {}] of steps) {
  if (needs && !hasProgram(needs) && !process.env.CI) {
    console.log(`\n=== ${name}: SKIPPED, no ${needs} on this machine (apt-get install redis-server); CI never skips it`)
    durations.push({ name, seconds: '0.0', outcome: `skipped (no ${needs})` })
    continue
  }
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`)
  const started = Date.now()
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, CI: process.env.CI ?? '1' } })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (result.status !== 0) {
    console.error(`\n=== ${name} failed after ${seconds}s`)
    durations.push({ name, seconds, outcome: 'failed' })
    printDurations()
    console.log(`checks: ${passed} passed, 1 failed`)
    process.exit(result.status ?? 1)
  }
  console.log(`=== ${name} passed in ${seconds}s`)
  durations.push({ name, seconds, outcome: 'passed' })
  passed++
}
printDurations()
console.log(`checks: ${passed} passed, 0 failed`)
