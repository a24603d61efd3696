import { HttpError, type ErrorRenderer } from './errors'
import type { IncomingMessage, ServerResponse } from 'node:http'

export const MAX_BODY_BYTES = 1024 * 1024
/**
 * How deeply a JSON body may nest: the default of the JSON parser behind Commerce Layer's Rails API
 * (`max_nesting: 100`). Deeper documents would be stored and then fail where they are written out again
 * (`JSON.stringify` recurses), so they are refused on the way in.
 */
export const MAX_JSON_DEPTH = 100

/** One request as handlers see it. */
export class Context {
  readonly url: URL
  readonly method: string
  params: Record<string, string> = {}
  private bodyPromise: Promise<Buffer> | undefined
  /** The body once read (for the request log); undefined when no handler asked for it. */
  rawBody: Buffer | undefined

  /** Errors in the shape of the API this path belongs to. */
  readonly renderError: ErrorRenderer

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    errorShapeFor: (path: string) => ErrorRenderer,
  ) {
    this.method = (req.method ?? 'GET').toUpperCase()
    this.url = new URL(req.url ?? '/', 'http://sandbox.local')
    this.renderError = errorShapeFor(this.url.pathname)
  }

  get path(): string {
    return this.url.pathname
  }

  get query(): URLSearchParams {
    return this.url.searchParams
  }

  header(name: string): string | undefined {
    const value = this.req.headers[name.toLowerCase()]
    return Array.isArray(value) ? value[0] : value
  }

  /** The origin clients used to reach us, for `links.self` and Klarna's `base_url`. */
  get origin(): string {
    return `http://${this.header('host') ?? 'localhost'}`
  }

  /** The raw body, at most 1 MB (413 past that, without reading the rest into memory). */
  body(): Promise<Buffer> {
    this.bodyPromise ??= readBody(this.req, this.renderError).then((body) => {
      this.rawBody = body
      return body
    })
    return this.bodyPromise
  }

  /** The body parsed as JSON; a 400 in this API's error shape when it is not JSON, or nests too deeply. */
  async json(): Promise<unknown> {
    const raw = await this.body()
    if (raw.length === 0)
      throw this.renderError(400, 'Bad request', 'The request body is empty; a JSON document was expected.')
    const text = raw.toString('utf8')
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      throw this.renderError(400, 'Bad request', 'The request body is not valid JSON.')
    }
    if (nestingDepth(text) > MAX_JSON_DEPTH) {
      throw this.renderError(400, 'Bad request', `The request body nests more than ${MAX_JSON_DEPTH} levels deep.`)
    }
    if (ESCAPED_SURROGATE.test(text) && hasLoneSurrogate(parsed)) {
      throw this.renderError(
        400,
        'Bad request',
        'The request body holds text that is not Unicode: half of a surrogate pair (such as \\ud800) alone.',
      )
    }
    return parsed
  }

  send(status: number, body: unknown, contentType = 'application/json', headers: Record<string, string> = {}): void {
    const payload = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body)
    this.res.writeHead(status, {
      ...(payload === '' ? {} : { 'Content-Type': contentType }),
      'Content-Length': Buffer.byteLength(payload),
      ...headers,
    })
    this.res.end(payload)
  }
}

function readBody(req: IncomingMessage, renderError: ErrorRenderer): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > MAX_BODY_BYTES) {
    req.resume()
    return Promise.reject(tooLarge(renderError))
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data')
        req.resume()
        reject(tooLarge(renderError))
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** The deepest nesting of arrays and objects in a JSON text (valid JSON: brackets inside strings are skipped). */
function nestingDepth(json: string): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < json.length; i++) {
    const char = json.charCodeAt(i)
    if (inString) {
      if (char === 0x5c)
        i++ // a backslash: skip the escaped character
      else if (char === 0x22) inString = false
    } else if (char === 0x22) {
      inString = true
    } else if (char === 0x5b || char === 0x7b) {
      deepest = Math.max(deepest, ++depth)
    } else if (char === 0x5d || char === 0x7d) {
      depth--
    }
  }
  return deepest
}

/** `\ud800` to `\udfff` escaped in JSON text: the only way a surrogate can arrive (UTF-8 cannot carry one). */
const ESCAPED_SURROGATE = /\\u[dD][89a-fA-F]/
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/**
 * Whether a string or key holds half a surrogate pair: text no encoding can store (SQLite would keep U+FFFD in
 * its place, so what was sent would not be what is read back).
 */
function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return LONE_SURROGATE.test(value)
  if (Array.isArray(value)) return value.some(hasLoneSurrogate)
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([key, item]) => LONE_SURROGATE.test(key) || hasLoneSurrogate(item))
  }
  return false
}

const tooLarge = (renderError: ErrorRenderer): HttpError =>
  renderError(413, 'Payload too large', `The request body is larger than ${MAX_BODY_BYTES} bytes.`)
