import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { createSandbox, type Sandbox, type SandboxOptions } from '../src/app'

export type TestSandbox = Sandbox & { origin: string }

/** A sandbox on a free loopback port with an in-memory database, seeded; close it in afterAll/afterEach. */
export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = createSandbox({ dbPath: ':memory:', ...options })
  const origin = await sandbox.listen(0)
  return Object.assign(sandbox, { origin })
}

/** A free loopback port, as the kernel hands one out. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export type SandboxProcess = {
  origin: string
  child: ChildProcess
  /** SIGTERM: the sandbox closes its database and exits. */
  stop(): Promise<void>
  /** SIGKILL: the process dies where it stands, as in a crash. */
  kill(): Promise<void>
}

/** A file of the sandbox package, as an absolute path, whatever folder the tests run from. */
export function sandboxFile(relativePath: string): string {
  return fileURLToPath(new URL(`../${relativePath}`, import.meta.url))
}

/**
 * The sandbox in a process of its own on a SQLite file, listening on a free loopback port; resolves once it
 * answers `/sandbox/health`. `entry` is `bench/server.ts` (no request log; what the benchmark and
 * the load test measure) or `src/main.ts` (`npm run sandbox` itself).
 *
 * Node runs the TypeScript through tsx's loader in this very process: the `tsx` command would put the sandbox
 * in a child of its own, and a SIGKILL would then kill only the wrapper and leave the sandbox running.
 */
export async function startSandboxProcess(
  dbPath: string,
  entry = sandboxFile('bench/server.ts'),
): Promise<SandboxProcess> {
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, SANDBOX_PORT: String(port), SANDBOX_DB: dbPath },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  // If this process ends first (a watchdog, a failed test run), the sandbox goes with it rather than living on.
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      process.off('exit', killOnExit)
      resolve()
    }),
  )
  const signal = (name: NodeJS.Signals) => async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name)
    await exited
  }
  let gone = false
  void exited.then(() => (gone = true))
  const deadline = Date.now() + 20_000
  for (;;) {
    if (gone) throw new Error(`the sandbox (${entry}) exited before it answered`)
    const ready = await fetch(`${origin}/sandbox/health`).then(
      (response) => response.ok,
      () => false,
    )
    if (ready) break
    if (Date.now() > deadline) {
      await signal('SIGKILL')()
      throw new Error(`the sandbox (${entry}) did not answer on ${origin} within 20 s`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return { origin, child, stop: signal('SIGTERM'), kill: signal('SIGKILL') }
}
