import { isSlug } from "../catalog/slug";
import { PER_REQUEST_COOKIE } from "../viewer/per-request-cookie";

/**
 * Where the shared, cached renders of public pages live (issue 12, docs/decisions/019-cached-pages.md).
 * Their routes (app/cached/**) render for nobody in particular: no cookie, no header, no query
 * string reaches them, so nothing personal can be in what they cache.
 */
export const CACHED_PAGE_PREFIX = "/cached/";
export const CACHED_CATALOG_PATH = "/cached/home/anonymous";
/** The viewer shell of the catalog: the same shared render, its per-viewer parts left to fill. */
export const VIEWER_SHELL_CATALOG_PATH = "/cached/home/viewer";
/** A course page's viewer shell lives under its shared render: /cached/courses/<slug>/viewer. */
export const VIEWER_SHELL_SUFFIX = "/viewer";

/**
 * Static routes beside /courses/<course>/<segment> (app/courses/[course]/*): Next routes them
 * before the segment, so they are never a watch page.
 */
const COURSE_SUBPAGES: ReadonlySet<string> = new Set(["checkout", "download"]);

/** The two watch page addresses that have a shared render: `?autoplay=1` starts the MP4 at once. */
export type TWatchStart = "play" | "autoplay";

export type TPageRequest = {
  method: string;
  pathname: string;
  /** The raw query string, "" or "?…". */
  search: string;
  /** Names of the cookies the request carries. */
  cookieNames: readonly string[];
};

export type TCachedPageDecision =
  /** Render the page for this request (signed-in viewer, query string, other method). */
  | { kind: "render" }
  /** Answer from the shared cached render at this internal path. */
  | { kind: "cached"; path: string }
  /** Someone asked for an internal path directly: it does not exist for them. */
  | { kind: "not-found" };

/** A Better Auth session cookie (`better-auth.session_token`, `__Secure-…`, chunked `….0`). */
export function isSessionCookie(name: string): boolean {
  return /(^|[._-])session_token($|\.)/.test(name);
}

/**
 * Does this page request get a shared cached render, and which? Only a GET or HEAD of the
 * catalog, a course page or (anonymous only) a watch page (`/courses/<course>/<segment>`, also
 * with exactly `?autoplay=1`), with no other query string (a ?coupon= campaign link, Next's
 * ?_rsc= and anything else render for the request). Without a session cookie: the anonymous render. With
 * one: the viewer shell (issue 12, ADR 019), the same shared render whose per-viewer parts
 * (header, buy-box, progress, locks, badges) are placeholders its client islands fill from
 * GET /api/viewer/… — so a stale or foreign cookie is never trusted here: the JSON decides, and
 * says "anonymous". The shell is shared by every signed-in viewer, so it never holds anything
 * of one. PER_REQUEST_COOKIE opts out (an admin's view). Pure: the proxy runs it on every
 * page request, the Node copies (page-snapshots.ts) too.
 */
export function decideCachedPage(request: TPageRequest): TCachedPageDecision {
  if (request.pathname === "/cached" || request.pathname.startsWith(CACHED_PAGE_PREFIX)) return { kind: "not-found" };
  const method = request.method.toUpperCase();
  if (method !== "GET" && method !== "HEAD") return { kind: "render" };
  if (request.cookieNames.includes(PER_REQUEST_COOKIE)) return { kind: "render" };
  const shell = request.cookieNames.some(isSessionCookie);
  const watch = /^\/courses\/([^/]+)\/([^/]+)\/?$/.exec(request.pathname);
  if (watch) {
    // The watch page has no viewer shell: signed in, it renders for the request.
    if (shell) return { kind: "render" };
    if (request.search === "?autoplay=1") return watchPage(watch[1]!, watch[2]!, "autoplay");
    if (request.search !== "" && request.search !== "?") return { kind: "render" };
    return watchPage(watch[1]!, watch[2]!, "play");
  }
  if (request.search !== "" && request.search !== "?") return { kind: "render" };
  if (request.pathname === "/") return { kind: "cached", path: shell ? VIEWER_SHELL_CATALOG_PATH : CACHED_CATALOG_PATH };
  const course = /^\/courses\/([^/]+)\/?$/.exec(request.pathname)?.[1];
  // Only a well-formed slug: anything else is the dynamic route's 404, not a cache entry.
  if (course && isSlug(course)) return { kind: "cached", path: `${CACHED_PAGE_PREFIX}courses/${course}${shell ? VIEWER_SHELL_SUFFIX : ""}` };
  return { kind: "render" };
}

/** The shared render of a watch page (app/cached/watch), for well-formed slugs only. */
function watchPage(course: string, segment: string, start: TWatchStart): TCachedPageDecision {
  if (!isSlug(course) || !isSlug(segment) || COURSE_SUBPAGES.has(segment)) return { kind: "render" };
  return { kind: "cached", path: `${CACHED_PAGE_PREFIX}watch/${course}/${segment}/${start}` };
}
