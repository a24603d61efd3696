/**
 * The storefront's Content-Security-Policy: only what the shop uses. Its own origin; a fresh nonce per page
 * for Next's inline scripts (with 'strict-dynamic', scripts those load, like Klarna's library, are trusted
 * too); Klarna's origins for its library, widget and dialog frames; and the origins the catalogue's pictures
 * come from (`sku.image_url` is absolute: the merchant's CDN, or the sandbox). Built per request by proxy.ts.
 */

type KlarnaSources = {
  script: string[]
  style: string[]
  font: string[]
  connect: string[]
  frame: string[]
  img: string[]
}

/** The hosts Klarna documents for its web SDK in a page with a Content-Security-Policy. */
const KLARNA_HOSTED: KlarnaSources = {
  script: ['https://x.klarnacdn.net'],
  style: ['https://x.klarnacdn.net'],
  font: ['https://x.klarnacdn.net'],
  connect: ['https://*.klarna.com', 'https://*.klarnaevt.com', 'https://x.klarnacdn.net'],
  frame: ['https://*.klarna.com', 'https://x.klarnacdn.net'],
  img: ['https://x.klarnacdn.net', 'https://*.klarna.com'],
}

/**
 * Where Klarna's library, frames and assets come from. Klarna's CDN means Klarna's documented hosts; any other
 * library origin (the sandbox's stand-in) serves all of it itself. A loopback origin is allowed under both
 * names, localhost and 127.0.0.1, since the stand-in's frames use whichever name Commerce Layer's call reached.
 */
export function klarnaSources(libraryUrl: string): KlarnaSources {
  const library = new URL(libraryUrl)
  if (library.hostname === 'x.klarnacdn.net') return KLARNA_HOSTED
  const origins = withLoopbackTwin(library.origin)
  return { script: origins, style: origins, font: origins, connect: origins, frame: origins, img: origins }
}

/**
 * Where Klarna's On-Site Messaging library (its Web SDK) and what it fetches come from: Klarna's Web SDK host and
 * the hosts its placements talk to, or, for any other library origin (the sandbox's stand-in), that origin alone.
 */
export function klarnaMessagingSources(libraryUrl: string): KlarnaSources {
  const library = new URL(libraryUrl)
  if (library.hostname === 'js.klarna.com') {
    return {
      script: ['https://js.klarna.com'],
      style: ['https://js.klarna.com'],
      font: ['https://js.klarna.com'],
      connect: ['https://*.klarna.com', 'https://*.klarnaservices.com'],
      frame: ['https://*.klarna.com'],
      img: ['https://*.klarna.com', 'https://*.klarnaservices.com'],
    }
  }
  return { script: [library.origin], style: [], font: [], connect: [], frame: [], img: [] }
}

function merge(...sources: KlarnaSources[]): KlarnaSources {
  const keys = ['script', 'style', 'font', 'connect', 'frame', 'img'] as const
  return Object.fromEntries(
    keys.map((key) => [key, [...new Set(sources.flatMap((source) => source[key]))]]),
  ) as KlarnaSources
}

/** An origin, and for a loopback origin its twin under the other name (localhost ⇄ 127.0.0.1). */
function withLoopbackTwin(origin: string): string[] {
  const url = new URL(origin)
  const twin = url.hostname === 'localhost' ? '127.0.0.1' : url.hostname === '127.0.0.1' ? 'localhost' : null
  return twin ? [url.origin, `${url.protocol}//${twin}${url.port ? `:${url.port}` : ''}`] : [url.origin]
}

export function contentSecurityPolicy({
  nonce,
  klarnaLibraryUrl,
  klarnaMessagingUrl = null,
  imageOrigins,
  development,
  https,
}: {
  nonce: string
  klarnaLibraryUrl: string
  /** On-Site Messaging's library, when the shop shows Klarna's messaging. */
  klarnaMessagingUrl?: string | null
  /** Where the catalogue's pictures come from (CATALOG_IMAGE_ORIGINS). */
  imageOrigins: readonly string[]
  /** `next dev` evaluates code for its error overlay; production never does. */
  development: boolean
  https: boolean
}): string {
  const klarna = merge(
    klarnaSources(klarnaLibraryUrl),
    ...(klarnaMessagingUrl ? [klarnaMessagingSources(klarnaMessagingUrl)] : []),
  )
  const images = imageOrigins.flatMap(withLoopbackTwin).filter((origin) => !klarna.img.includes(origin))
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    [
      'script-src',
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...klarna.script,
      ...(development ? ["'unsafe-eval'"] : []),
    ],
    // Inline style attributes: next/image's `fill` and React's style props; no inline <style> of anyone else's.
    ['style-src', "'self'", "'unsafe-inline'", ...klarna.style],
    ['img-src', "'self'", 'data:', 'blob:', ...klarna.img, ...new Set(images)],
    ['font-src', "'self'", ...klarna.font],
    ['connect-src', "'self'", ...klarna.connect],
    ['frame-src', ...klarna.frame],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
    ...(https ? ([['upgrade-insecure-requests']] as [string][]) : []),
  ]
  return directives.map((directive) => directive.join(' ')).join('; ')
}

/** A nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return btoa(String.fromCharCode(...bytes))
}
