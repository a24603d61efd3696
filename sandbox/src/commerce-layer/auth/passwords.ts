import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>

/**
 * Customer passwords, stored as `scrypt$<salt>$<hash>` (Node's default scrypt cost). The sandbox's rules, since
 * Commerce Layer does not document its own: 8 to 72 characters, not only spaces.
 */
export const PASSWORD_MIN_LENGTH = 8
export const PASSWORD_MAX_LENGTH = 72

export function passwordProblem(password: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return `is too short (minimum is ${PASSWORD_MIN_LENGTH} characters)`
  if (password.length > PASSWORD_MAX_LENGTH) return `is too long (maximum is ${PASSWORD_MAX_LENGTH} characters)`
  if (password.trim() === '') return "can't be blank"
  return undefined
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  return encode(salt, await scryptAsync(password, salt, 32))
}

/** For seed data, which is written synchronously inside one transaction. */
export function hashPasswordSync(password: string): string {
  const salt = randomBytes(16)
  return encode(salt, scryptSync(password, salt, 32))
}

export async function passwordMatches(password: string, stored: string | null): Promise<boolean> {
  const [scheme, saltText, hashText] = (stored ?? '').split('$')
  if (scheme !== 'scrypt' || !saltText || !hashText) return false
  const expected = Buffer.from(hashText, 'base64')
  const actual = await scryptAsync(password, Buffer.from(saltText, 'base64'), expected.length)
  return timingSafeEqual(actual, expected)
}

const encode = (salt: Buffer, hash: Buffer) => `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`
