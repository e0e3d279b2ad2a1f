// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The proxy sees the request as sent (issue 12): its rewrite of an anonymous page view to the
  // shared cached render (proxy.ts) must keep the origin Next compares it with, or Next takes the
  // rewrite for an external one and fetches it over HTTP. Also keeps Next's ?_rsc= query on
  // client navigations, which lib/http/decide-cached-page.ts then renders for the request.
  skipProxyUrlNormalize: true,
  // Native and WASM-bearing server packages stay outside the bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg"],
  // The oldest a shared cached page (app/cached/**, revalidate 15 s) is ever sent: past this, Next
  // renders anew before answering instead of sending its stale copy. Without it a page nobody
  // asked for in an hour would go out once with media URLs that expired long ago (issue 12,
  // SHARED_PAGE_MAX_AGE_SECONDS in lib/catalog/catalog-cache.ts; also the Cache-Control
  // stale-while-revalidate a front cache sees). Only those pages are cached renders.
  expireTime: 20,
  outputFileTracingExcludes: { "*": ["./media/**", "./data/**"] },
  // The player loads video.js *core* and adds VHS (HLS) only when it leaves the MP4 for the HLS
  // ladder (components/player/load-player-code.ts, ADR 008): the bare "video.js" specifier (the
  // player's, VHS's and the quality plugins') is the core build; subpaths (the CSS) stay as they are.
  turbopack: { resolveAlias: { "video.js": "video.js/dist/alt/video.core.js" } },
  webpack(config) {
    config.resolve.alias = { ...config.resolve.alias, "video.js$": "video.js/dist/alt/video.core.js" };
    return config;
  },
  experimental: {
    // unauthorized() / forbidden() for /admin: real 401/403 status pages, and real 401/403
    // answers to server actions (lib/access/require-admin.server.ts, issue 9).
    authInterrupts: true,
    // Next copies a request body into memory for proxy.ts, up to this size (10 MB by default).
    // The proxy only sees bodies of page POSTs (server actions, refused past 1 MiB); the
    // body-reading API routes are outside its matcher (docs/decisions/009-http-edge.md).
    proxyClientMaxBodySize: "2mb",
    // Rendered pages and cached reads stay in memory (bounded: cacheMaxMemorySize, 50 MB by
    // default) and are not written under .next: the cached course pages are made on first visit,
    // and a 404 for an unknown slug is cached too, so on disk every slug a client invents would
    // leave files behind for good (issue 12, docs/decisions/019-cached-pages.md).
    isrFlushToDisk: false,
  },
  // Security headers on every response (docs/decisions/009-http-edge.md). A page's
  // Content-Security-Policy carries a per-response nonce, so proxy.ts sets that one.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          {
            key: "Permissions-Policy",
            value:
              "camera=(), microphone=(), geolocation=(), usb=(), payment=(), fullscreen=(self), picture-in-picture=(self), autoplay=(self)",
          },
        ],
      },
      {
        // Route handlers answer JSON, media and archives, never a document to run or frame.
        source: "/(api|media|downloads)/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; sandbox" }],
      },
    ];
  },
};

module.exports = nextConfig;
