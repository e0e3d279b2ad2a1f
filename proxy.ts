import { NextResponse, type NextRequest } from "next/server";
import { checkPagePostBody } from "./lib/http/check-page-post-body";
import { cachedPageContentSecurityPolicy, newNonce, pageContentSecurityPolicy } from "./lib/http/content-security-policy";
import { decideCachedPage } from "./lib/http/decide-cached-page";
import { decideEdge } from "./lib/http/decide-edge";
import { errorResponse } from "./lib/http/error-response";
import { env } from "./lib/env.server";
import { AppError } from "./lib/errors";

/**
 * The HTTP edge (docs/decisions/009-http-edge.md): malformed URLs, unsupported methods,
 * foreign-origin or undecodable posts to pages get a clear 4xx before Next routes them. Runs on
 * every matched request, so it looks only at the method, the raw path and headers — and, for a
 * POST to a page (a server action), at the body Next has already buffered for it. Pages also get
 * their nonce-based Content-Security-Policy here: on the request, so Next puts the nonce on its
 * scripts, and on the response. An anonymous visitor of the catalog or a course page is answered
 * from the shared cached render instead (a rewrite; lib/http/decide-cached-page.ts, issue 12),
 * with the cached pages' policy.
 */
export async function proxy(request: NextRequest): Promise<Response | undefined> {
  const decision = decideEdge({
    method: request.method,
    pathname: request.nextUrl.pathname,
    headers: request.headers,
    trustedProxyHops: env.TRUSTED_PROXY_HOPS,
  });
  if (decision.kind === "options") return new Response(null, { status: 204, headers: { Allow: decision.allow } });
  if (decision.kind === "refuse") {
    const response = errorResponse(decision.error);
    if (decision.allow) response.headers.set("Allow", decision.allow);
    return response;
  }
  if (!decision.page) return undefined;
  if (request.method === "POST") {
    try {
      const malformed = await checkPagePostBody(request);
      if (malformed) return errorResponse(malformed);
    } catch (error) {
      return errorResponse(error);
    }
  }
  const cached = decideCachedPage({
    method: request.method,
    pathname: request.nextUrl.pathname,
    search: request.nextUrl.search,
    cookieNames: request.cookies.getAll().map((c) => c.name),
  });
  if (cached.kind === "not-found") return errorResponse(new AppError("NOT_FOUND", "There is no such page."));
  if (cached.kind === "cached") {
    // request.url is the URL as sent (skipProxyUrlNormalize, next.config.js): the rewrite keeps
    // its origin, so Next takes it as internal and does not fetch it over HTTP.
    const response = NextResponse.rewrite(new URL(cached.path, request.url));
    response.headers.set("Content-Security-Policy", cachedPageContentSecurityPolicy(env.PLAYER_MP4_ORIGIN ?? null));
    return response;
  }
  const policy = pageContentSecurityPolicy(newNonce(), env.PLAYER_MP4_ORIGIN ?? null);
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    // Everything but Next's static assets, and but the route handlers that read a body (below;
    // the tus upload endpoint streams chunks of up to 2 MiB to disk, lib/uploads/tus-handler.ts).
    "/((?!_next/static|_next/image|api/progress$|api/preferences$|api/webhooks/stripe$|api/auth/|api/admin/uploads$|api/admin/uploads/).*)",
    // Those only when the request carries no body: for any request with a body that the proxy
    // sees, Next tees the body for it and reads it to the end before the route runs
    // (next/dist/server/body-streams.js), which would undo the routes' own size limits.
    // (Written out in full: Next reads the matcher statically at build time.)
    {
      source: "/api/:path*",
      missing: [
        { type: "header", key: "content-length" },
        { type: "header", key: "transfer-encoding" },
      ],
    },
    { source: "/api/:path*", has: [{ type: "header", key: "content-length", value: "0" }] },
    // ...and Better Auth's catch-all with a percent sign in the path, body or not: Next itself
    // would fail to decode a malformed one into the route's params (500).
    "/api/auth/(.*%.*)",
  ],
};
