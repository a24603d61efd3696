/**
 * Where to send a shopper after signing in: only a path on this site, never another origin
 * (`//evil.example` and `https://…` fall back to the default).
 */
export function safeCallbackPath(value: unknown, fallback = '/account'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return fallback
  try {
    const url = new URL(value, 'http://local.invalid')
    return url.origin === 'http://local.invalid' ? url.pathname + url.search + url.hash : fallback
  } catch {
    return fallback
  }
}
