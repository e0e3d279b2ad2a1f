/** Where a Stripe checkout lives: a checkout form may end up there (form-action covers redirects). */
const STRIPE_CHECKOUT_ORIGIN = "https://checkout.stripe.com";

/**
 * The Content-Security-Policy of a page (docs/decisions/009-http-edge.md). Scripts run only with
 * this response's nonce, which Next puts on its own scripts when it finds the policy on the
 * request, and what those load ('strict-dynamic'), so an injected <script> does not run.
 * video.js injects its stylesheet and React writes style attributes, hence 'unsafe-inline' for
 * styles only; video.js VHS transmuxes in a blob: worker and plays MediaSource blob: URLs, and
 * its icon font is a data: URL.
 * No upgrade-insecure-requests: TLS is the front proxy's job and Lectern runs on plain
 * http://127.0.0.1 in development and tests.
 */
export function pageContentSecurityPolicy(nonce: string, mp4Origin: string | null = null): string {
  return policyWith(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`, mp4Origin);
}

/**
 * The policy of a shared cached page (the anonymous catalog and course pages, issue 12): one
 * HTML for every visitor cannot carry a per-response nonce, and Next's inline bootstrap and
 * flight-data scripts differ per page and per render, so no list of hashes is known when the
 * proxy answers. Inline scripts run there ('unsafe-inline', without 'strict-dynamic', which
 * would void it); scripts from other origins, eval, plugins, <base>, foreign form targets and
 * framing stay refused. What makes that sound: those renders reflect nothing from the request
 * (no query string, no cookie, no header reaches them: lib/http/decide-cached-page.ts) and show
 * only course data, escaped by React (JSON-LD through jsonForScript). docs/decisions/009-http-edge.md.
 */
export function cachedPageContentSecurityPolicy(mp4Origin: string | null = null): string {
  return policyWith("script-src 'self' 'unsafe-inline'", mp4Origin);
}

/**
 * `mp4Origin`: PLAYER_MP4_ORIGIN, the second host name the segment MP4s come from (lib/env.ts),
 * allowed as a media source only (a <video src> needs no CORS and runs nothing).
 */
function policyWith(scriptSrc: string, mp4Origin: string | null): string {
  return [
    "default-src 'self'",
    scriptSrc,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    mp4Origin ? `media-src 'self' blob: ${mp4Origin}` : "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${STRIPE_CHECKOUT_ORIGIN}`,
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh nonce per page response (128 random bits). */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
