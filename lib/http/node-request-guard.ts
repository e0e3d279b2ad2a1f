import http from "node:http";
import { AppError } from "../errors";
import { PEER_ADDRESS_HEADER } from "../auth/client-ip";
import { UPLOAD_PATCH_MAX_BYTES } from "../uploads/upload-rules";
import { PAGE_POST_MAX_BYTES } from "./decide-edge";
import { errorResponse } from "./error-response";
import { routeKindOf } from "./route-methods";
import { DRAIN_MAX_BYTES } from "./read-limited-body";

/**
 * The method the fetch standard forbids in a Request that Node's parser still accepts. Next turns
 * every request into a web Request (for proxy.ts and for route handlers), which throws for it,
 * and answers 500 before any of our code runs. Of the other forbidden ones, Node's parser answers
 * TRACK with 400 itself, and CONNECT never reaches a 'request' listener (Node emits 'connect'
 * and, with no listener, closes the socket).
 */
const UNTRACEABLE = new Set(["TRACE"]);

/**
 * The route handlers that read a body themselves, after their own checks (the session first)
 * and with their own limits (lib/http/read-limited-body.ts). Every other body — a page POST,
 * i.e. a server action — is copied into memory by Next for proxy.ts before anything can refuse
 * it, so it must declare its length, and no more than a server action may carry.
 */
const SELF_LIMITING_ROUTES = new Set(["/api/progress", "/api/preferences", "/api/webhooks/stripe"]);
const selfLimiting = (pathname: string) =>
  SELF_LIMITING_ROUTES.has(pathname) || (pathname.startsWith("/api/auth/") && !pathname.includes("%"));

/**
 * The tus upload endpoint (lib/uploads/tus-handler.ts) streams its bodies to disk itself, so it is
 * outside the page limit — with a limit of its own: every chunk declares its length, at most
 * UPLOAD_PATCH_MAX_BYTES. Only this route; the rest of /api/admin is held to the page rules.
 */
const UPLOAD_ROUTE = /^\/api\/admin\/uploads(?:\/[A-Za-z0-9_-]+)?\/?$/;

export type TNodeRequestDecision =
  | { kind: "pass" }
  | { kind: "refuse"; error: AppError; allow?: string };

/**
 * What the Node server does with a request before Next sees it (pure; issue 8's review): answer
 * TRACE with 405, refuse request targets that are not a path (`*`, `http://host/…`: Next would
 * throw or redirect off-site), and refuse a body Next would buffer before our limits apply —
 * chunked (no declared length) or declared past PAGE_POST_MAX_BYTES — except on the routes that
 * read bodies themselves.
 */
export function decideNodeRequest(input: { method: string; url: string; headers: http.IncomingHttpHeaders }): TNodeRequestDecision {
  const { method, url, headers } = input;
  if (!url.startsWith("/")) return { kind: "refuse", error: new AppError("BAD_REQUEST", "The request target must be a path.") };
  const pathname = url.split("?")[0] ?? "/";
  if (UNTRACEABLE.has(method)) {
    return {
      kind: "refuse",
      error: new AppError("METHOD_NOT_ALLOWED", `${method} is not allowed here.`),
      allow: routeKindOf(pathname).methods.join(", "),
    };
  }
  const declared = headers["content-length"];
  const chunked = headers["transfer-encoding"] !== undefined;
  if (UPLOAD_ROUTE.test(pathname) && (chunked || declared !== undefined)) {
    if (chunked) return { kind: "refuse", error: new AppError("LENGTH_REQUIRED", "An upload chunk must declare its Content-Length.") };
    if (Number(declared) > UPLOAD_PATCH_MAX_BYTES) {
      return { kind: "refuse", error: new AppError("PAYLOAD_TOO_LARGE", `An upload chunk must not exceed ${UPLOAD_PATCH_MAX_BYTES} bytes.`) };
    }
    return { kind: "pass" };
  }
  if ((chunked || declared !== undefined) && !selfLimiting(pathname)) {
    if (chunked && declared === undefined) {
      return { kind: "refuse", error: new AppError("LENGTH_REQUIRED", "A request body here must declare its Content-Length.") };
    }
    if (Number(declared) > PAGE_POST_MAX_BYTES) {
      return { kind: "refuse", error: new AppError("PAYLOAD_TOO_LARGE", `The request body must not exceed ${PAGE_POST_MAX_BYTES} bytes.`) };
    }
  }
  return { kind: "pass" };
}

const INSTALLED = Symbol.for("lectern.nodeRequestGuard");

/**
 * Wraps http.Server#emit for 'request' once per process (installed from instrumentation.ts):
 * - stamps the socket's peer address into PEER_ADDRESS_HEADER, replacing anything the client
 *   sent under that name — route handlers get no socket address from Next, and the sign-in
 *   throttle needs one when no proxy is trusted (lib/auth/client-ip.ts);
 * - answers what decideNodeRequest refuses, with the security headers every response carries,
 *   and drops a refused body (read for at most LINGER_MS, never kept) instead of passing it on.
 * A patch because Next has no hook ahead of its own request handling; the supported alternative
 * is a front proxy that does the same (deploy/nginx). See docs/decisions/009-http-edge.md.
 */
/**
 * Answers a request that passed the guard without Next (the media fast path,
 * lib/media/serve-media-node.ts): returns true when it took the request — it then answers it
 * or calls `next` to hand it to Next after all — and false to let Next have it now.
 */
export type TBeforeNext = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => boolean;

/** Steps tried in order: the first that takes the request answers it. */
export function firstOf(...steps: (TBeforeNext | undefined)[]): TBeforeNext {
  const present = steps.filter((s): s is TBeforeNext => s !== undefined);
  return (req, res, next) => present.some((step) => step(req, res, next));
}

export function installNodeRequestGuard(beforeNext?: TBeforeNext): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      delete req.headers[PEER_ADDRESS_HEADER];
      if (req.socket.remoteAddress) req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress;
      const decision = decideNodeRequest({ method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers });
      if (decision.kind === "refuse") {
        void refuse(req, res, decision);
        return true;
      }
      if (beforeNext?.(req, res, () => void (emit as (...a: unknown[]) => boolean).call(this, event, ...args))) return true;
    }
    return (emit as (...a: unknown[]) => boolean).call(this, event, ...args);
  } as typeof proto.emit;
}

/** The headers next.config.js gives every response, for answers made before Next runs. */
const EDGE_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
};

/** How long a refused request's body is read (and dropped) before the answer goes out (and at most DRAIN_MAX_BYTES of it). */
const LINGER_MS = 2_000;

async function refuse(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  decision: Extract<TNodeRequestDecision, { kind: "refuse" }>,
): Promise<void> {
  // A client still sending its body when the server answers and closes gets a reset, and many
  // (Node's own http client among them) then never read the answer. So the body is read and
  // dropped — never kept — until it ends or LINGER_MS pass, and then the answer goes out; a
  // body still coming after that is cut off with it.
  if (!req.complete) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, LINGER_MS);
      timer.unref();
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      req.once("end", done);
      req.once("error", done);
      // At most DRAIN_MAX_BYTES, as for a body a route refuses (read-limited-body.ts).
      let drained = 0;
      req.on("data", (chunk: Buffer) => {
        drained += chunk.length;
        if (drained > DRAIN_MAX_BYTES) done();
      });
    });
  }
  const response = errorResponse(decision.error);
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  for (const [name, value] of Object.entries(EDGE_HEADERS)) res.setHeader(name, value);
  if (decision.allow) res.setHeader("Allow", decision.allow);
  if (!req.complete) res.setHeader("Connection", "close");
  res.end(await response.text());
}
