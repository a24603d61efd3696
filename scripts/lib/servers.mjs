// Starts the sandbox (fresh temporary database) and the storefront's production build on ports of their own,
// for the benchmark and audit scripts. Everything listens on loopback and stops when the script ends.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = new URL('../..', import.meta.url).pathname

async function waitFor(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`)
}

function start(command, args, env, label) {
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  // SERVERS_LOG=1 shows both programs' output as it comes (for debugging a benchmark or an audit).
  const echo = process.env.SERVERS_LOG === '1' ? (chunk) => process.stderr.write(`[${label}] ${chunk}`) : () => {}
  child.stdout.on('data', (chunk) => ((output += chunk), echo(chunk)))
  child.stderr.on('data', (chunk) => ((output += chunk), echo(chunk)))
  child.on('exit', (code) => {
    if (code && code !== 0 && !child.stopping) console.error(`${label} exited with ${code}:\n${output.slice(-2000)}`)
  })
  return child
}

function stop(child) {
  if (!child || child.exitCode !== null) return
  child.stopping = true
  try {
    process.kill(-child.pid, 'SIGTERM')
  } catch {
    // already gone
  }
}

/**
 * @param {{ storefrontPort?: number, sandboxPort?: number, sandboxEnv?: Record<string,string>, storefront?: boolean }} options
 */
export async function startServers({
  storefrontPort = 3200,
  sandboxPort = 3201,
  sandboxEnv = {},
  storefront = true,
} = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'klarna-wallet-bench-'))
  const sandboxUrl = `http://localhost:${sandboxPort}`
  const storefrontUrl = `http://localhost:${storefrontPort}`
  const sandbox = start(
    'npm',
    ['run', '--silent', '-w', 'sandbox', 'start'],
    { SANDBOX_PORT: String(sandboxPort), SANDBOX_DB: join(dataDir, 'sandbox.db'), ...sandboxEnv },
    'sandbox',
  )
  const shop = storefront
    ? start(
        'npx',
        ['next', 'start', '-H', '127.0.0.1', '-p', String(storefrontPort)],
        { SANDBOX_PORT: String(sandboxPort), NEXTAUTH_URL: storefrontUrl },
        'storefront',
      )
    : undefined
  const stopAll = () => {
    stop(shop)
    stop(sandbox)
    rmSync(dataDir, { recursive: true, force: true })
  }
  process.on('exit', stopAll)
  try {
    await waitFor(`${sandboxUrl}/sandbox/health`)
    if (shop) await waitFor(`${storefrontUrl}/api/health`)
  } catch (error) {
    stopAll()
    throw error
  }
  return { sandboxUrl, storefrontUrl, stop: stopAll }
}
