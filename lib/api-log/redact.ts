/**
 * What the Developer panel may show of a Commerce Layer exchange: every secret replaced by "[redacted]".
 * Secrets are found by name (a JSON key or a form/query parameter) and, as a second net, by shape (a JWT, the
 * value of a `Bearer`/`Basic` credential), so a secret that shows up under a name we did not foresee is still
 * caught when it looks like one. Pure, so the rules are tested on their own (redact.test.ts).
 */

export const REDACTED = '[redacted]'

/**
 * Names whose values are secrets wherever they appear: every `*token` (access and refresh tokens, Klarna's
 * `auth_token`, `client_token`, the wallet's `payment_source_token` and `customer_token`), passwords, secrets,
 * API keys and `Authorization`. `token_type` ("bearer") is not a secret and stays.
 */
export function isSecretName(name: string): boolean {
  return /password|secret|authorization|api_?key/i.test(name) || /token$/i.test(name)
}

const JWT = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g
const CREDENTIAL = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi
const PARAMETER = /(^|[?&])([^=&?/\s]+)=([^&\s]*)/g

/** Free text (a path, a body that is not JSON): secret-named parameters and secret-shaped values. */
export function redactText(text: string): string {
  return text
    .replace(PARAMETER, (whole, separator: string, name: string) =>
      isSecretName(safeDecode(name)) ? `${separator}${name}=${REDACTED}` : whole,
    )
    .replace(CREDENTIAL, (_whole, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(JWT, REDACTED)
}

/** A parsed JSON value, copied with every secret-named member replaced and every string scrubbed. */
export function redactJson(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value)
  if (Array.isArray(value)) return value.map(redactJson)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, member]) => [
        key,
        isSecretName(key) && member !== null ? REDACTED : redactJson(member),
      ]),
    )
  }
  return value
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
