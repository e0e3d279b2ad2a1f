import { AppError } from "../errors";
import { routeKindOf } from "./route-methods";
import { isForeignOrigin } from "./same-origin";

export type TEdgeRequest = {
  method: string;
  pathname: string;
  headers: Headers;
  /** TRUSTED_PROXY_HOPS: whether X-Forwarded-Host was written by a proxy (lib/http/same-origin.ts). */
  trustedProxyHops: number;
};

export type TEdgeDecision =
  /** On to Next; a page gets its Content-Security-Policy from the proxy. */
  | { kind: "pass"; page: boolean }
  /** OPTIONS on a page: what it takes, and nothing else. */
  | { kind: "options"; allow: string }
  | { kind: "refuse"; error: AppError; allow?: string };

/** Next's own limit on a server action's body (serverActions.bodySizeLimit, 1 MB). */
export const PAGE_POST_MAX_BYTES = 1024 * 1024;

/**
 * What the proxy does with a request before Next routes it (docs/decisions/009-http-edge.md).
 * Pure and cheap: it runs on every request, so no database, no body, no I/O.
 *  - a path whose percent-escapes do not decode (`%ff`, `%`, `%c0%af`) is a 400; Next would
 *    throw decoding it into route params and answer 500;
 *  - a method the route does not take is a 405 with Allow (Next has no Allow, and answers
 *    PROPFIND with 400 and pages render for PUT or DELETE);
 *  - a POST to a page is a server action or a form: from a foreign Origin it is a 403 (Next
 *    throws, 500), and a declared body past Next's action limit is a 413.
 */
export function decideEdge(request: TEdgeRequest): TEdgeDecision {
  if (!decodes(request.pathname)) {
    return { kind: "refuse", error: new AppError("BAD_REQUEST", "The URL has a malformed percent-encoding.") };
  }
  const route = routeKindOf(request.pathname);
  const method = request.method.toUpperCase();
  const allow = route.methods.join(", ");
  if (!(route.methods as readonly string[]).includes(method)) {
    return { kind: "refuse", error: new AppError("METHOD_NOT_ALLOWED", `${method} is not allowed here.`), allow };
  }
  if (route.kind === "page" && method === "OPTIONS") return { kind: "options", allow };
  if (route.kind === "page" && method === "POST") {
    if (isForeignOrigin(request.headers, request.trustedProxyHops)) {
      return { kind: "refuse", error: new AppError("FORBIDDEN", "Cross-site request refused.") };
    }
    if (Number(request.headers.get("content-length") ?? 0) > PAGE_POST_MAX_BYTES) {
      return {
        kind: "refuse",
        error: new AppError("PAYLOAD_TOO_LARGE", `The request body must not exceed ${PAGE_POST_MAX_BYTES} bytes.`),
      };
    }
  }
  return { kind: "pass", page: route.kind === "page" };
}

function decodes(pathname: string): boolean {
  if (!pathname.includes("%")) return true;
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}
