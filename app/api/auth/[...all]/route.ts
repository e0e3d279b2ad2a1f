import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth.server";
import { knownAuthPathMatcher } from "@/lib/auth/known-auth-path";
import { notFound } from "@/lib/errors";
import { handleRoute } from "@/lib/http/error-response";
import { withLimitedBody } from "@/lib/http/with-limited-body";

const handlers = toNextJsHandler(auth);
const isKnown = knownAuthPathMatcher(
  Object.values(auth.api)
    .map((endpoint) => (endpoint as { path?: string }).path ?? "")
    .filter(Boolean),
);
const requireKnownPath = (request: Request) => {
  const subpath = new URL(request.url).pathname.replace(/^\/api\/auth/, "");
  if (!isKnown(subpath)) throw notFound("Auth endpoint");
};

// Every auth form (sign-up, sign-in, reset) is a few short fields; Better Auth itself reads
// whatever it is sent, so the body is capped here before it gets the request (issue 8).
const AUTH_BODY_LIMIT = 16 * 1024;

export const GET = handleRoute(async (request: Request) => {
  requireKnownPath(request);
  return handlers.GET(request);
});
export const POST = handleRoute(async (request: Request) => {
  requireKnownPath(request);
  return handlers.POST(await withLimitedBody(request, { maxBytes: AUTH_BODY_LIMIT }));
});
