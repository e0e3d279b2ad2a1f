import type http from "node:http";
import { RequestCookies } from "next/dist/server/web/spec-extension/cookies";
import { cachedPageContentSecurityPolicy } from "./content-security-policy";
import { decideCachedPage } from "./decide-cached-page";
import type { TBeforeNext } from "./node-request-guard";

/**
 * How long Node answers a shared cached page from its own copy before asking Next again
 * (issue 12, docs/decisions/019-cached-pages.md). Next's ISR copy is what is kept for
 * PUBLIC_CACHE_SECONDS; this copy of Next's answer only saves the proxy and Next's routing,
 * which cost an anonymous view more than the page itself. Short, and dropped at once with the
 * catalog tag on this instance (invalidateCatalog).
 */
export const SNAPSHOT_SECONDS = 5;

export type TSnapshot = { status: number; headers: Record<string, string | string[]>; body: Buffer; expiresAtMs: number };

/** `generation` counts the drops: an answer under way across one is not kept (see pageSnapshots). */
type TStore = { entries: Map<string, TSnapshot>; generation: number };

// One store per process, whichever bundle asks: instrumentation.ts (the guard) and the server
// actions that invalidate (lib/catalog/invalidate-catalog.server.ts) load separate copies of this
// module, so the map lives on globalThis.
const STORE_KEY = Symbol.for("lectern.pageSnapshots");
function store(): TStore {
  const g = globalThis as { [STORE_KEY]?: TStore };
  return (g[STORE_KEY] ??= { entries: new Map(), generation: 0 });
}

/** Forget every copy (an admin change: invalidateCatalog). */
export function dropPageSnapshots(): void {
  const s = store();
  s.entries.clear();
  s.generation += 1;
}

/** Headers a copy must not repeat: per connection, per response, or about the copy's origin. */
const NOT_COPIED = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "x-nextjs-cache", "set-cookie", "x-middleware-rewrite"]);

/**
 * May Next's answer to a shared cached page view be kept and sent again to other anonymous
 * visitors? Only a complete 200 from the cached render itself — it carries the cached pages'
 * policy, which the proxy sets on nothing else — that sets no cookie, and that Next did not
 * mark stale (a stale copy is being replaced), an HTML document, compressed as the request's
 * class asks or not at all. Pure; page-snapshots.test.ts.
 */
export function decideKeepSnapshot(
  answer: { status: number; headers: http.OutgoingHttpHeaders },
  encoding: "gzip" | "deflate" | "identity",
  cachedPolicy: string = cachedPageContentSecurityPolicy(),
): boolean {
  const h = answer.headers;
  const used = h["content-encoding"] === undefined ? "identity" : String(h["content-encoding"]);
  return (
    answer.status === 200 &&
    String(h["content-type"] ?? "").startsWith("text/html") &&
    (used === encoding || used === "identity") &&
    h["content-security-policy"] === cachedPolicy &&
    h["set-cookie"] === undefined &&
    (h["x-nextjs-cache"] === "HIT" || h["x-nextjs-cache"] === "MISS")
  );
}

/** Request headers Next varies its answer on (its own Vary list) or that ask for less than the page. */
const NOT_THE_DOCUMENT = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-action",
  "if-none-match",
  "if-modified-since",
  "range",
];

/**
 * The cookie names as the proxy reads them (NextRequest.cookies is this same reader): a reader of
 * our own disagreed on odd cookies (a value that is not valid percent-encoding, a space before
 * "="), so the proxy rendered one page while its answer was kept as the copy of the other
 * (review of issue 12).
 */
const cookieNames = (header: string | undefined) =>
  new RequestCookies(new Headers(header === undefined ? {} : { cookie: header })).getAll().map((c) => c.name);

/**
 * The key of a request that gets the shared cached page, or null: decideCachedPage (no session
 * cookie, no query string, GET or HEAD of the catalog or a course page), and the compression
 * Next would pick for it (encodingClass): each gets its own copies.
 */
export function snapshotKey(req: { method: string; url: string; headers: http.IncomingHttpHeaders }): string | null {
  // Next answers these with something else than the page's HTML (an RSC payload, a part of
  // one, 304, a range): never the key of a copy, or one such request would set what everyone gets.
  if (NOT_THE_DOCUMENT.some((name) => req.headers[name] !== undefined)) return null;
  const q = req.url.indexOf("?");
  const decision = decideCachedPage({
    method: req.method,
    pathname: q < 0 ? req.url : req.url.slice(0, q),
    search: q < 0 ? "" : req.url.slice(q),
    cookieNames: cookieNames(req.headers.cookie),
  });
  if (decision.kind !== "cached") return null;
  return `${decision.path}|${encodingClass(req.headers["accept-encoding"])}`;
}

/**
 * The compression Next picks for an Accept-Encoding (gzip first, then deflate; anything else,
 * br included, goes out as is): the copies of one page are kept apart by it, and a copy is kept
 * only when Next's answer used it (decideKeepSnapshot), so nobody gets an encoding they did not ask for.
 */
export function encodingClass(acceptEncoding: string | string[] | undefined): "gzip" | "deflate" | "identity" {
  const accepted = new Set<string>();
  for (const part of String(acceptEncoding ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  if (accepted.has("gzip")) return "gzip";
  if (accepted.has("deflate")) return "deflate";
  return "identity";
}

/**
 * The request guard's step for shared cached pages (installed from instrumentation.ts): a fresh
 * copy is sent as it is; otherwise Next answers (through the proxy, as any request) and a
 * keepable answer is copied on its way out.
 */
export function pageSnapshots(nowMs: () => number = Date.now, cachedPolicy: string = cachedPageContentSecurityPolicy()): TBeforeNext {
  return (req, res, next) => {
    const method = req.method ?? "GET";
    const key = snapshotKey({ method, url: req.url ?? "/", headers: req.headers });
    if (!key) return false;
    const entries = store().entries;
    const copy = entries.get(key);
    if (copy && copy.expiresAtMs > nowMs()) {
      res.statusCode = copy.status;
      for (const [name, value] of Object.entries(copy.headers)) res.setHeader(name, value);
      res.setHeader("x-lectern-page-copy", "HIT");
      res.setHeader("content-length", copy.body.length);
      res.end(method === "HEAD" ? undefined : copy.body);
      return true;
    }
    if (copy) entries.delete(key);
    varyOnCookie(res);
    if (method === "GET") {
      // A render that began before an admin change may have read the catalog as it was: its
      // answer, ending after the drop, must not become the copy (review 3).
      const generation = store().generation;
      capture(res, (answer) => {
        if (store().generation !== generation) return;
        if (!decideKeepSnapshot(answer, encodingClass(req.headers["accept-encoding"]), cachedPolicy)) return;
        const headers: Record<string, string | string[]> = {};
        for (const [name, value] of Object.entries(answer.headers)) {
          if (value === undefined || NOT_COPIED.has(name)) continue;
          headers[name] = typeof value === "number" ? String(value) : value;
        }
        entries.set(key, { status: answer.status, headers, body: answer.body, expiresAtMs: nowMs() + SNAPSHOT_SECONDS * 1000 });
      });
    }
    next();
    return true;
  };
}

/**
 * The shared page is the anonymous answer for a URL that signed-in visitors also ask for (and get
 * rendered for them, `private, no-store`). Next marks it `s-maxage` and varies it on its router
 * headers only, so a front cache (nginx `proxy_cache`, a CDN) keyed on the URL would hand the
 * anonymous copy to signed-in visitors: `Vary: Cookie` tells it not to (security review, issue 12).
 * Added when the headers go out, whatever Next set before; the copy keeps it. Next's
 * `x-middleware-rewrite`, which reveals the internal /cached/… path, is taken out then (review).
 */
export function varyOnCookie(res: http.ServerResponse): void {
  const writeHead = res.writeHead.bind(res) as (...a: unknown[]) => http.ServerResponse;
  res.writeHead = ((...args: unknown[]) => {
    res.setHeader("vary", withCookie(res.getHeader("vary")));
    // Next names the internal path it rewrote to (/cached/…); nothing in the browser reads it on
    // a document (the App Router's navigations are never rewritten here: they carry ?_rsc=).
    res.removeHeader(REWRITE_HEADER);
    const headers = args.find((a, i) => i > 0 && typeof a === "object" && a !== null && !Array.isArray(a)) as
      | Record<string, unknown>
      | undefined;
    if (headers) {
      for (const name of Object.keys(headers)) {
        if (name.toLowerCase() === "vary") headers[name] = withCookie(headers[name] as string | string[] | undefined);
        if (name.toLowerCase() === REWRITE_HEADER) delete headers[name];
      }
    }
    return writeHead(...args);
  }) as typeof res.writeHead;
}

const REWRITE_HEADER = "x-middleware-rewrite";

/** A Vary value with Cookie in it (once). */
export function withCookie(vary: string | number | string[] | undefined): string {
  const names = (Array.isArray(vary) ? vary.join(",") : String(vary ?? ""))
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
  return names.some((n) => n.toLowerCase() === "cookie" || n === "*") ? names.join(", ") : [...names, "Cookie"].join(", ");
}

/** Collects what Next writes to `res`, and hands it over once the answer is complete. */
type TAnswer = { status: number; headers: http.OutgoingHttpHeaders; body: Buffer };

function capture(res: http.ServerResponse, done: (answer: TAnswer) => void): void {
  const chunks: Buffer[] = [];
  let usable = true;
  const write = res.write.bind(res) as (...a: unknown[]) => boolean;
  const end = res.end.bind(res) as (...a: unknown[]) => http.ServerResponse;
  const add = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    if (typeof chunk === "string") chunks.push(Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
    else usable = false;
  };
  res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
    add(chunk, encoding);
    return write(chunk, encoding, cb);
  }) as typeof res.write;
  res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
    add(chunk, encoding);
    const result = end(chunk, encoding, cb);
    if (usable) done({ status: res.statusCode, headers: res.getHeaders(), body: Buffer.concat(chunks) });
    return result;
  }) as typeof res.end;
}
