import { NextResponse, type NextRequest } from "next/server";
import { newNonce, pageContentSecurityPolicy } from "./lib/http/content-security-policy";
import { decideEdge } from "./lib/http/decide-edge";
import { errorResponse } from "./lib/http/error-response";

/**
 * The HTTP edge (docs/decisions/009-http-edge.md): malformed URLs, unsupported methods and
 * foreign-origin server-action posts get a clear 4xx before Next routes them. Runs on every
 * matched request, so it only looks at the method, the raw path and headers. Pages also get
 * their nonce-based Content-Security-Policy here: on the request, so Next puts the nonce on its
 * scripts, and on the response.
 */
export function proxy(request: NextRequest): Response | undefined {
  const decision = decideEdge({ method: request.method, pathname: request.nextUrl.pathname, headers: request.headers });
  if (decision.kind === "pass") {
    if (!decision.page) return undefined;
    const policy = pageContentSecurityPolicy(newNonce());
    const headers = new Headers(request.headers);
    headers.set("Content-Security-Policy", policy);
    const response = NextResponse.next({ request: { headers } });
    response.headers.set("Content-Security-Policy", policy);
    return response;
  }
  if (decision.kind === "options") return new Response(null, { status: 204, headers: { Allow: decision.allow } });
  const response = errorResponse(decision.error);
  if (decision.allow) response.headers.set("Allow", decision.allow);
  return response;
}

export const config = {
  matcher: [
    // Everything but Next's static assets, and but the route handlers that read a body (below).
    "/((?!_next/static|_next/image|api/progress$|api/preferences$|api/webhooks/stripe$|api/auth/).*)",
    // Those only when the request carries no body: for any request with a body that the proxy
    // sees, Next tees the body for it and reads it to the end before the route runs
    // (next/dist/server/body-streams.js), which would undo the routes' own size limits.
    {
      source: "/api/:path*",
      missing: [
        { type: "header", key: "content-length" },
        { type: "header", key: "transfer-encoding" },
      ],
    },
    // ...and Better Auth's catch-all with a percent sign in the path, body or not: Next itself
    // would fail to decode a malformed one into the route's params (500).
    "/api/auth/(.*%.*)",
  ],
};
