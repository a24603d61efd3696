import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, klarnaSources, newNonce } from './content-security-policy'

const directive = (policy: string, name: string) => policy.split('; ').find((part) => part.startsWith(`${name} `)) ?? ''

describe('contentSecurityPolicy', () => {
  it("allows the sandbox's Klarna under both loopback names, and nothing else from outside", () => {
    const policy = contentSecurityPolicy({
      nonce: 'abc',
      klarnaLibraryUrl: 'http://localhost:3001/klarna/kp/lib/v1/api.js',
      imageOrigins: ['http://localhost:3001'],
      development: false,
      https: false,
    })
    expect(directive(policy, 'script-src')).toBe(
      "script-src 'self' 'nonce-abc' 'strict-dynamic' http://localhost:3001 http://127.0.0.1:3001",
    )
    expect(directive(policy, 'frame-src')).toBe('frame-src http://localhost:3001 http://127.0.0.1:3001')
    expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'none'")
    expect(policy).not.toContain('unsafe-eval')
    expect(policy).not.toContain('klarna.com')
    expect(policy).not.toContain('upgrade-insecure-requests')
  })

  it("allows Klarna's documented hosts with Klarna's real library", () => {
    const policy = contentSecurityPolicy({
      nonce: 'n',
      klarnaLibraryUrl: 'https://x.klarnacdn.net/kp/lib/v1/api.js',
      imageOrigins: [],
      development: false,
      https: true,
    })
    expect(directive(policy, 'script-src')).toContain('https://x.klarnacdn.net')
    expect(directive(policy, 'frame-src')).toBe('frame-src https://*.klarna.com https://x.klarnacdn.net')
    expect(directive(policy, 'connect-src')).toContain('https://*.klarnaevt.com')
    expect(policy).toContain('upgrade-insecure-requests')
  })

  it("adds On-Site Messaging's library: the sandbox's stand-in origin, or Klarna's Web SDK and its hosts", () => {
    const sandbox = contentSecurityPolicy({
      nonce: 'n',
      klarnaLibraryUrl: 'http://localhost:3001/klarna/kp/lib/v1/api.js',
      klarnaMessagingUrl: 'http://localhost:3002/klarna/web-sdk/v1/klarna.js',
      imageOrigins: [],
      development: false,
      https: false,
    })
    expect(directive(sandbox, 'script-src')).toContain('http://localhost:3002')
    expect(directive(sandbox, 'frame-src')).not.toContain('3002')
    const live = contentSecurityPolicy({
      nonce: 'n',
      klarnaLibraryUrl: 'https://x.klarnacdn.net/kp/lib/v1/api.js',
      klarnaMessagingUrl: 'https://js.klarna.com/web-sdk/v1/klarna.js',
      imageOrigins: [],
      development: false,
      https: true,
    })
    expect(directive(live, 'script-src')).toContain('https://js.klarna.com')
    expect(directive(live, 'connect-src')).toContain('https://*.klarnaservices.com')
    // Each host once, though both libraries name it.
    expect(directive(live, 'frame-src')).toBe('frame-src https://*.klarna.com https://x.klarnacdn.net')
  })

  it("allows the catalogue's absolute image origins, and only in img-src", () => {
    const policy = contentSecurityPolicy({
      nonce: 'n',
      klarnaLibraryUrl: 'https://x.klarnacdn.net/kp/lib/v1/api.js',
      imageOrigins: ['https://cdn.example-shop.com', 'http://localhost:3111'],
      development: false,
      https: true,
    })
    expect(directive(policy, 'img-src')).toBe(
      "img-src 'self' data: blob: https://x.klarnacdn.net https://*.klarna.com https://cdn.example-shop.com " +
        'http://localhost:3111 http://127.0.0.1:3111',
    )
    expect(directive(policy, 'script-src')).not.toContain('cdn.example-shop.com')
    expect(directive(policy, 'connect-src')).not.toContain('cdn.example-shop.com')
  })

  it("names an image origin that is also Klarna's stand-in once", () => {
    const policy = contentSecurityPolicy({
      nonce: 'n',
      klarnaLibraryUrl: 'http://localhost:3111/klarna/kp/lib/v1/api.js',
      imageOrigins: ['http://localhost:3111'],
      development: false,
      https: false,
    })
    expect(directive(policy, 'img-src')).toBe("img-src 'self' data: blob: http://localhost:3111 http://127.0.0.1:3111")
  })

  it('lets next dev evaluate code, and only next dev', () => {
    const policy = contentSecurityPolicy({
      nonce: 'n',
      klarnaLibraryUrl: 'http://localhost:3001/x.js',
      imageOrigins: [],
      development: true,
      https: false,
    })
    expect(directive(policy, 'script-src')).toContain("'unsafe-eval'")
  })

  it('names each loopback twin once', () => {
    expect(klarnaSources('http://127.0.0.1:4000/api.js').frame).toEqual([
      'http://127.0.0.1:4000',
      'http://localhost:4000',
    ])
    expect(klarnaSources('https://klarna.example.com/api.js').frame).toEqual(['https://klarna.example.com'])
  })
})

describe('newNonce', () => {
  it('is fresh each time and carries 128 bits', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce))
    expect(nonces.size).toBe(100)
    expect(atob([...nonces][0]!).length).toBe(16)
  })
})
