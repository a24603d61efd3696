/**
 * Where to send a shopper after signing in or up: a path on this site and nothing else. The check runs on the
 * path as the browser will read it (after `.`/`..` segments and percent-escapes are resolved), because a raw
 * value like `/.//evil.example` passes a check on its first characters and normalises to `//evil.example`,
 * which a browser reads as another origin.
 */

/** A return path is a page address, never a document: longer values are refused rather than echoed back. */
export const MAX_CALLBACK_PATH_LENGTH = 2048

const PLACEHOLDER_ORIGIN = 'http://local.invalid'

export function safeCallbackPath(value: unknown, fallback = '/account'): string {
  if (typeof value !== 'string' || value.length > MAX_CALLBACK_PATH_LENGTH || !isPlainPath(value)) return fallback
  let normalised: string
  try {
    const url = new URL(value, PLACEHOLDER_ORIGIN)
    if (url.origin !== PLACEHOLDER_ORIGIN) return fallback
    normalised = url.pathname + url.search + url.hash
  } catch {
    return fallback
  }
  return isPlainPath(normalised) && normalised.length <= MAX_CALLBACK_PATH_LENGTH ? normalised : fallback
}

/** One leading slash, then no second slash or backslash (`//host`, `/\host` name another origin), no controls. */
function isPlainPath(path: string): boolean {
  return /^\/(?![/\\])/.test(path) && !/[\u0000-\u001f\u007f\\]/.test(path.split(/[?#]/, 1)[0] ?? '')
}
