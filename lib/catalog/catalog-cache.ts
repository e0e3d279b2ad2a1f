/**
 * The cache tag of everything the public pages show of the catalog (courses, parts, segments,
 * prices, landing extras), and how old a shared copy may get at most (issue 12,
 * docs/decisions/019-cached-pages.md). One tag on purpose: an admin change is rare and the
 * catalog small, so every change re-renders all of it rather than risk missing a page.
 *
 * PUBLIC_CACHE_SECONDS is the bound for writers that cannot reach this process's cache: another
 * instance (ADR 011), `lectern import`, the seed and the job worker (plus Node's 5 s copy of a
 * cached page's answer, lib/http/page-snapshots.ts). It also keeps the signed
 * free-preview URLs in a cached page valid: a media token lives at least
 * STREAM_TOKEN_TTL_SECONDS (≥ 30 s, lib/media/token-expiry.ts) after the page was rendered.
 * The segment config `revalidate` of app/cached/** repeats it as a literal (Next reads it
 * statically); catalog-cache.test.ts keeps them equal.
 */
export const CATALOG_TAG = "catalog";
export const PUBLIC_CACHE_SECONDS = 15;

/**
 * The oldest a shared page can be when it is sent: Next's copy is fresh for PUBLIC_CACHE_SECONDS
 * and served stale at most until `expireTime` (next.config.js, this value), Node's copy of a fresh
 * answer lives SNAPSHOT_SECONDS = 5 s more (lib/http/page-snapshots.ts). The shared watch page
 * signs its media URLs as of this many seconds after it renders, so the URLs in it stay valid for
 * at least STREAM_TOKEN_TTL_SECONDS after the last moment it can be sent (issue 12, ADR 019).
 */
export const SHARED_PAGE_MAX_AGE_SECONDS = 20;

/**
 * How long after a change its invalidation is repeated. Next keeps a copy (a rendered page, an
 * `unstable_cache` read) as fresh when it is written after the tag's last invalidation, whenever
 * its data was read: a render that read the catalog before the change and finishes after it (a
 * background revalidation of a stale page, a page rendering when the admin saves) would otherwise
 * be served until it is PUBLIC_CACHE_SECONDS old (ADR 019, "Next's own copy"). Repeating the
 * invalidation this much later (invalidate-catalog.server.ts) drops every such copy written in
 * between; a page render here takes well under a second, and a few under load.
 */
export const LATE_WRITES_GRACE_MS = 5_000;
