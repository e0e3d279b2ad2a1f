// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and WASM-bearing server packages stay outside the bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg"],
  outputFileTracingExcludes: { "*": ["./media/**", "./data/**"] },
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
