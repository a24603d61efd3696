import { HttpError, type ErrorRenderer } from './errors'

/** Errors on a path no module claims (and the sandbox's own doors): a plain `{ error, detail }`. */
export const plainError: ErrorRenderer = (status, title, detail) => new HttpError(status, { error: title, detail })

/**
 * The error shape for a path: the renderer of the longest path prefix that matches (a module's `errorRenderers`,
 * e.g. '/api/' for JSON:API errors, '/klarna/' for Klarna's), or the plain one.
 */
export function errorShapeByPath(
  rendererSets: Iterable<Record<string, ErrorRenderer> | undefined>,
): (path: string) => ErrorRenderer {
  const renderers: [string, ErrorRenderer][] = []
  for (const set of rendererSets) renderers.push(...Object.entries(set ?? {}))
  renderers.sort((a, b) => b[0].length - a[0].length)
  return (path) => renderers.find(([prefix]) => path.startsWith(prefix))?.[1] ?? plainError
}
