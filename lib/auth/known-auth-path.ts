/**
 * Whether `subpath` (what follows /api/auth) is one of Better Auth's endpoints. Better Auth's
 * request limiter stores a row per path it is asked for, unknown ones included, so a client
 * could fill the table with made-up paths (issue 8 review: 200 paths, 1.6 MB of keys); the
 * route answers 404 for those before Better Auth sees them. `endpointPaths` are the `path`s
 * of `auth.api` (":param" is one segment).
 */
export function knownAuthPathMatcher(endpointPaths: readonly string[]): (subpath: string) => boolean {
  const patterns = endpointPaths.map(
    (p) => new RegExp(`^${p.split("/").map((s) => (s.startsWith(":") ? "[^/]+" : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("/")}/?$`),
  );
  return (subpath) => patterns.some((re) => re.test(subpath));
}
