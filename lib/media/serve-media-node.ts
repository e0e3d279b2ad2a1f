import fs from "node:fs";
import type http from "node:http";
import { pipeline } from "node:stream";
import { ZSegmentParams } from "../catalog/route-params";
import { planRangeResponse, rangeHeaders } from "./http-conditional-range";
import { mimeTypeOf, resolveMediaPath } from "./media-path";
import { verifyMediaToken } from "./media-token";
import { cacheControlFor, representationOf } from "./serve-file";
import { DOWNLOAD_ONLY } from "./serve-media-request";

/**
 * The Node media path without Next.js (issue 12, docs/decisions/018-node-media-fast-path.md).
 * Through Next, each media request paid for routing, proxy.ts, a web Request and Response and a
 * web-stream pipe — ~3× a bare node:http server per request, 0.05× plain nginx at 16 readers.
 * Here the Node server answers the common case itself, before Next sees the request (from the
 * request guard, lib/http/node-request-guard.ts), with the same checks as the route
 * (serve-media-request.ts, ADR 004): the token verified for this course and segment, the path
 * kept inside the segment's folder, download-only files refused, RFC 9110 validators and a
 * single range (planRangeResponse), the same headers. Anything else — a refusal, an error, a
 * 304/412/416, another method, a body, a percent-escape, nginx offload — returns false and goes
 * on to Next's route, which answers it as before.
 */
export type TNodeMediaDeps = { mediaRoot: string; secret: string; nowSeconds: () => number };

/** The headers next.config.js gives every /media/ response (a unit test holds them equal). */
export const MEDIA_EDGE_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy":
    "camera=(), microphone=(), geolocation=(), usb=(), payment=(), fullscreen=(self), picture-in-picture=(self), autoplay=(self)",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
};

// As serve-file.ts: 256 KiB reads.
const READ_CHUNK = 256 * 1024;

export type TNodeMediaAnswer = {
  status: 200 | 206;
  headers: Record<string, string>;
  file: string;
  /** Byte span to send; null for HEAD or an empty body. */
  span: { start: number; end: number } | null;
};

/** The media request's parts, or null when it is not a plain GET/HEAD of /media/<course>/<segment>/<token>/<file…>. */
export function parseMediaTarget(method: string, url: string, headers: http.IncomingHttpHeaders) {
  if (method !== "GET" && method !== "HEAD") return null;
  if (!url.startsWith("/media/") || url.includes("%")) return null;
  if (headers["content-length"] !== undefined || headers["transfer-encoding"] !== undefined) return null;
  const parts = (url.split("?")[0] ?? "").split("/").slice(2);
  if (parts.length < 4 || parts.some((p) => p === "")) return null;
  const [course, segment, token, ...file] = parts as [string, string, string, ...string[]];
  return { course, segment, token, file };
}

/** What the fast path sends for this request, or null to leave it to Next's route. */
export async function planNodeMedia(
  deps: TNodeMediaDeps,
  method: string,
  url: string,
  headers: http.IncomingHttpHeaders,
): Promise<TNodeMediaAnswer | null> {
  const target = parseMediaTarget(method, url, headers);
  if (!target) return null;
  const params = ZSegmentParams.safeParse(target);
  if (!params.success) return null;
  const { course, segment } = params.data;
  const check = verifyMediaToken(deps.secret, target.token, { course, segment, scopes: ["stream"] }, deps.nowSeconds());
  if (!check.ok) return null;
  const file = resolveMediaPath(deps.mediaRoot, course, segment, target.file);
  if (!file || target.file.some((p) => DOWNLOAD_ONLY.has(p))) return null;
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch {
    return null;
  }
  if (!stat.isFile()) return null;
  const rep = representationOf(stat);
  const get = (name: string) => {
    const v = headers[name];
    return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v;
  };
  const plan = planRangeResponse(method, { get }, rep);
  if (plan.status !== 200 && plan.status !== 206) return null;
  return {
    status: plan.status,
    headers: {
      ...MEDIA_EDGE_HEADERS,
      "Content-Type": mimeTypeOf(file),
      "Cache-Control": cacheControlFor(file, check.claims.userId === null ? "public" : "private"),
      ...rangeHeaders(plan, rep),
      "Content-Length": String(plan.length),
    },
    file,
    span: method === "HEAD" || plan.length === 0 ? null : { start: plan.start, end: plan.end },
  };
}

/**
 * Answers a media request on the Node response when planNodeMedia says so; else calls `next`
 * (Next's own handling). Never throws: a failure before the head is written goes to Next too.
 */
export function serveMediaNode(deps: TNodeMediaDeps, req: http.IncomingMessage, res: http.ServerResponse, next: () => void): void {
  planNodeMedia(deps, req.method ?? "GET", req.url ?? "/", req.headers).then(
    (answer) => {
      if (!answer) return next();
      res.writeHead(answer.status, answer.headers);
      if (!answer.span) return void res.end();
      const stream = fs.createReadStream(answer.file, { ...answer.span, highWaterMark: READ_CHUNK });
      // A client that goes away ends the read; a read error cuts the response (its length is promised).
      pipeline(stream, res, () => {});
    },
    () => next(),
  );
}
