import { createSandbox, type Sandbox, type SandboxOptions } from '../src/app'

export type TestSandbox = Sandbox & { origin: string }

/** A sandbox on a free loopback port with an in-memory database, seeded; close it in afterAll/afterEach. */
export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const sandbox = createSandbox({ dbPath: ':memory:', ...options })
  const origin = await sandbox.listen(0)
  return Object.assign(sandbox, { origin })
}
