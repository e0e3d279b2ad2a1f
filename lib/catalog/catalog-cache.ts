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
