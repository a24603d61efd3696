import type { Context } from './context'

export type Handler = (ctx: Context) => void | Promise<void>

type Route = { method: string; segments: string[]; handler: Handler }

/**
 * Method + path patterns (`/api/orders/:id`) to handlers. Static segments win over parameters, so
 * `/api/orders/:id/line_items` and `/api/orders/:id` need no particular order.
 */
export class Router {
  private readonly routes: Route[] = []

  on(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method: method.toUpperCase(), segments: split(pattern), handler })
    return this
  }

  get(pattern: string, handler: Handler) {
    return this.on('GET', pattern, handler)
  }
  post(pattern: string, handler: Handler) {
    return this.on('POST', pattern, handler)
  }
  patch(pattern: string, handler: Handler) {
    return this.on('PATCH', pattern, handler)
  }
  delete(pattern: string, handler: Handler) {
    return this.on('DELETE', pattern, handler)
  }

  /** The handler for this request, a list of allowed methods when only the method is wrong, or nothing. */
  match(
    method: string,
    path: string,
  ): { handler: Handler; params: Record<string, string> } | { allowed: string[] } | undefined {
    const parts = split(path)
    let best: { route: Route; params: Record<string, string>; score: number } | undefined
    const allowed = new Set<string>()
    for (const route of this.routes) {
      const matched = matchSegments(route.segments, parts)
      if (!matched) continue
      if (route.method !== method) {
        allowed.add(route.method)
        continue
      }
      if (!best || matched.score > best.score) best = { route, params: matched.params, score: matched.score }
    }
    if (best) return { handler: best.route.handler, params: best.params }
    return allowed.size > 0 ? { allowed: [...allowed] } : undefined
  }
}

function split(path: string): string[] {
  return path.split('/').filter((part) => part.length > 0)
}

function matchSegments(pattern: string[], parts: string[]) {
  if (pattern.length !== parts.length) return undefined
  const params: Record<string, string> = {}
  let score = 0
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i] as string
    const actual = parts[i] as string
    if (expected.startsWith(':')) {
      try {
        params[expected.slice(1)] = decodeURIComponent(actual)
      } catch {
        return undefined
      }
    } else if (expected === actual) {
      score += 1
    } else {
      return undefined
    }
  }
  return { params, score }
}
