/**
 * next-auth's session cookie, read and written outside next-auth (the proxy refreshes the Commerce Layer
 * tokens inside it). Same name and chunking as next-auth 4: one cookie when the value fits, otherwise
 * `<name>.0`, `<name>.1`, … of at most 3,933 characters each.
 */

const CHUNK_SIZE = 4096 - 163

/**
 * Two weeks from sign-in, an absolute bound (lib/auth/ended-sessions.ts): as long as Commerce Layer's refresh token
 * lives. Activity does not stretch it.
 */
export const SESSION_MAX_AGE_SECONDS = 14 * 24 * 60 * 60

export function sessionCookieName(secure: boolean): string {
  return secure ? '__Secure-next-auth.session-token' : 'next-auth.session-token'
}

/** Cookies over https (NEXTAUTH_URL says which), as next-auth decides. */
export function usesSecureCookies(): boolean {
  return process.env.NEXTAUTH_URL?.startsWith('https://') ?? false
}

type CookieLike = { name: string; value: string }

export function readSessionCookie(cookies: readonly CookieLike[], name: string): string | undefined {
  const whole = cookies.find((cookie) => cookie.name === name)
  if (whole) return whole.value
  const chunks = cookies
    .filter((cookie) => cookie.name.startsWith(`${name}.`))
    .map((cookie) => ({ index: Number(cookie.name.slice(name.length + 1)), value: cookie.value }))
    .filter((chunk) => Number.isInteger(chunk.index))
    .sort((a, b) => a.index - b.index)
  return chunks.length > 0 ? chunks.map((chunk) => chunk.value).join('') : undefined
}

/** The cookies to set for a value, and the names of the stale ones (other chunks) to delete. */
export function sessionCookieParts(value: string, name: string, existingNames: readonly string[]) {
  const parts =
    value.length <= CHUNK_SIZE
      ? [{ name, value }]
      : Array.from({ length: Math.ceil(value.length / CHUNK_SIZE) }, (_, index) => ({
          name: `${name}.${index}`,
          value: value.slice(index * CHUNK_SIZE, (index + 1) * CHUNK_SIZE),
        }))
  const keep = new Set(parts.map((part) => part.name))
  const stale = existingNames.filter(
    (existing) => (existing === name || existing.startsWith(`${name}.`)) && !keep.has(existing),
  )
  return { parts, stale }
}
