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
}

module.exports = nextConfig
