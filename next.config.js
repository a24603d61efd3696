// @ts-check
/**
 * NEXT_DIST_DIR lets several builds live side by side (the end-to-end build, a developer's own);
 * everything else is the default.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  reactStrictMode: true,
  // better-sqlite3 is the sandbox's, never the storefront's; keep server bundles free of native modules.
  serverExternalPackages: [],
  turbopack: { root: __dirname },
  // The data cache (the catalogue): in this process's memory, or in Redis with REDIS_URL (lib/next-cache-handler.cjs).
  // Chosen at start, not at build: one build runs on one instance or on several.
  cacheHandler: require.resolve('./lib/next-cache-handler.cjs'),
  // Headers every response carries, static files included. The Content-Security-Policy needs a fresh nonce per
  // page, so proxy.ts sets it (lib/security/content-security-policy.ts).
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(self)' },
        ],
      },
    ]
  },
}

module.exports = nextConfig
