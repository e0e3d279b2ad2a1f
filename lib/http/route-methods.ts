/**
 * The methods each route handler in app/ exports, by its folder path. Every other path is a page,
 * which answers GET and HEAD, and POST for server actions. The proxy reads this to answer 405
 * with an honest Allow header before Next routes (Next's own 405 has none, and it answers an
 * unknown method with 400 or 500). route-methods.test.ts keeps it equal to the route files.
 */
export const ROUTE_HANDLER_METHODS: Readonly<Record<string, readonly THttpMethod[]>> = {
  "/api/account": ["DELETE"],
  "/api/account/export": ["GET"],
  "/api/admin/uploads": ["OPTIONS", "POST"],
  "/api/admin/uploads/[id]": ["DELETE", "HEAD", "OPTIONS", "PATCH"],
  "/api/auth/[...all]": ["GET", "POST"],
  "/api/courses/[course]/notes": ["GET"],
  "/api/courses/[course]/search": ["GET"],
  "/api/courses/[course]/segments/[segment]/playback": ["GET"],
  "/api/courses/[course]/toc": ["GET"],
  "/api/health": ["GET"],
  "/api/notes": ["GET", "POST"],
  "/api/notes/[id]": ["DELETE", "PATCH"],
  "/api/preferences": ["GET", "PATCH"],
  "/api/progress": ["POST"],
  "/api/viewer/catalog": ["GET"],
  "/api/viewer/course/[course]": ["GET"],
  "/api/webhooks/stripe": ["POST"],
  "/downloads/[course]/[token]/[...file]": ["GET", "HEAD"],
  "/images/courses/[course]/[file]": ["GET", "HEAD"],
  "/media/[course]/[segment]/[token]/[...file]": ["GET", "HEAD"],
  "/teams/[team]/progress.csv": ["GET"],
};

export type THttpMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";

const PAGE_METHODS: readonly THttpMethod[] = ["GET", "HEAD", "POST", "OPTIONS"];

export type TRouteKind = { kind: "handler"; route: string; methods: readonly THttpMethod[] } | { kind: "page"; methods: readonly THttpMethod[] };

// Compiled once: "[x]" is one path segment, "[...x]" one or more.
const MATCHERS = Object.entries(ROUTE_HANDLER_METHODS).map(([route, exported]) => {
  const pattern = route
    .split("/")
    .map((segment) => (segment.startsWith("[...") ? ".+" : segment.startsWith("[") ? "[^/]+" : segment))
    .join("/");
  // Next answers HEAD from GET and OPTIONS by itself for every route handler.
  const methods = new Set<THttpMethod>([...exported, "OPTIONS"]);
  if (exported.includes("GET")) methods.add("HEAD");
  return { route, regexp: new RegExp(`^${pattern}/?$`), methods: [...methods] };
});

/** What answers `pathname` (raw, as requested) and which methods it takes. */
export function routeKindOf(pathname: string): TRouteKind {
  for (const m of MATCHERS) if (m.regexp.test(pathname)) return { kind: "handler", route: m.route, methods: m.methods };
  return { kind: "page", methods: PAGE_METHODS };
}
