import { randomBytes } from 'node:crypto'
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * The session secret of a storefront that runs against the sandbox with no NEXTAUTH_SECRET: random, made on
 * first start and kept in the git-ignored data folder, so every process of this checkout (`next start`,
 * `next dev`, the end-to-end servers, a second instance) reads the same one and sessions survive a restart.
 * Never a constant in the code: anyone could read it there and forge a session.
 */
export const SANDBOX_SECRET_FILE = join('.data', 'nextauth-secret')

export function readOrCreateSandboxSecret(file = SANDBOX_SECRET_FILE): string {
  const existing = readSecret(file)
  if (existing) return existing
  mkdirSync(dirname(file), { recursive: true })
  // Written whole to a file of its own, then linked into place: link fails if another process got there first,
  // so no reader ever sees half a secret and two processes never keep different ones.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`
  writeFileSync(draft, randomBytes(32).toString('base64url'), { mode: 0o600 })
  try {
    linkSync(draft, file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  } finally {
    rmSync(draft, { force: true })
  }
  const secret = readSecret(file)
  if (!secret) throw new Error(`Could not keep a session secret in ${file}.`)
  return secret
}

function readSecret(file: string): string | undefined {
  try {
    const secret = readFileSync(file, 'utf8').trim()
    return secret.length >= 32 ? secret : undefined
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}
