// Plain HTTP for the storefront load test: a cookie jar per virtual shopper (what a browser keeps), and raw requests
// to the sandbox sent from a chosen loopback address (Commerce Layer limits per IP; seeding is other machines).
import { request } from 'node:http'

export class CookieJar {
  cookies = new Map()

  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  take(response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';')
      const index = pair.indexOf('=')
      const name = pair.slice(0, index).trim()
      const value = pair.slice(index + 1).trim()
      const expired = attributes.some(
        (part) => /^\s*max-age=0\s*$/i.test(part) || /expires=thu, 01 jan 1970/i.test(part),
      )
      if (expired || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }

  get(name) {
    return this.cookies.get(name)
  }
}

/** A JSON request to the sandbox from `localAddress` (a loopback address of 127/8). Answers status, headers, body. */
export function sandboxRequest(origin, method, path, { token, body, localAddress, json = false } = {}) {
  const url = new URL(path, origin)
  const payload = body === undefined ? undefined : JSON.stringify(body)
  const headers = json
    ? { 'Content-Type': 'application/json', Accept: 'application/json' }
    : { 'Content-Type': 'application/vnd.api+json', Accept: 'application/vnd.api+json' }
  if (token) headers.Authorization = `Bearer ${token}`
  if (payload) headers['Content-Length'] = Buffer.byteLength(payload)
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: '127.0.0.1', port: url.port, path: url.pathname + url.search, method, headers, localAddress },
      (incoming) => {
        const chunks = []
        incoming.on('data', (chunk) => chunks.push(chunk))
        incoming.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let parsed
          try {
            parsed = text ? JSON.parse(text) : undefined
          } catch {
            parsed = text
          }
          resolve({ status: incoming.statusCode, headers: incoming.headers, body: parsed })
        })
      },
    )
    outgoing.on('error', reject)
    outgoing.setTimeout(30_000, () => outgoing.destroy(new Error(`${method} ${path} timed out`)))
    if (payload) outgoing.write(payload)
    outgoing.end()
  })
}

/** The same request again after Commerce Layer's `Retry-After`, while it answers 429 (seeding and the audit). */
export async function sandboxRequestPatiently(origin, method, path, options) {
  for (let attempt = 0; ; attempt++) {
    const answer = await sandboxRequest(origin, method, path, options)
    if (answer.status !== 429 || attempt >= 20) return answer
    await new Promise((resolve) => setTimeout(resolve, Number(answer.headers['retry-after'] ?? 1) * 1000))
  }
}

export function expectStatus(answer, status, what) {
  if (answer.status !== status)
    throw new Error(`${what}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`)
  return answer.body
}
