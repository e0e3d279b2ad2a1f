import fs from "node:fs";
import { Readable } from "node:stream";
import { setContentLength } from "./content-length-relay";
import { planRangeResponse, rangeHeaders, type TRepresentation } from "./http-conditional-range";
import { notFound as notFoundError } from "../errors";
import { errorResponse } from "../http/error-response";
import { mimeTypeOf } from "./media-path";

export type TServeFileOptions = {
  cacheControl: string;
  /** e.g. `attachment; filename=…` for downloads. */
  contentDisposition?: string;
  /**
   * Offload the bytes to nginx: answer with `X-Accel-Redirect: <uri>` and no body; nginx
   * serves the file with its own Range/ETag handling (docs/decisions/007).
   */
  accelRedirect?: string;
};

/** Playlists change on re-import; segments, MP4s, posters and captions of one import never do. */
/**
 * Playlists for a minute, everything else for good (a new encode is a new file). Free-preview
 * media (tokens that name no user) are the same bytes at the same URL for every viewer within a
 * token window (lib/media/token-expiry.ts), so a shared cache (nginx proxy_cache, a CDN) may
 * keep them; paid media stay `private`. The njs twin is deploy/nginx/media-njs.conf.template.
 */
export function cacheControlFor(file: string, audience: "public" | "private" = "private"): string {
  return file.endsWith(".m3u8") ? `${audience}, max-age=60` : `${audience}, max-age=31536000, immutable`;
}

/** nginx's shape, so the Node and nginx paths agree: `"<mtime hex>-<size hex>"`. */
export function etagOf(stat: { mtimeMs: number; size: number }): string {
  return `"${Math.floor(stat.mtimeMs / 1000).toString(16)}-${stat.size.toString(16)}"`;
}

export function representationOf(stat: { mtimeMs: number; size: number }): TRepresentation {
  return { size: stat.size, etag: etagOf(stat), lastModified: new Date(Math.floor(stat.mtimeMs / 1000) * 1000) };
}

const notFound = () => errorResponse(notFoundError("Media file"));

// 256 KiB reads: measured ~2× the throughput of the 64 KiB default through Next's web-stream
// pipe (fewer chunks, fewer promise hops per byte); see bench/media-delivery.ts.
const READ_CHUNK = 256 * 1024;

/**
 * Serves one file like nginx does (RFC 9110): validators, conditional requests, a single
 * byte range (206/416, parsed by `range-parser`), HEAD, and an exact Content-Length on every
 * 200/206 (relayed past Next.js, see content-length-relay.ts). Multi-range and malformed
 * Range headers get the whole file.
 */
export async function serveFile(request: Request, file: string, options: TServeFileOptions): Promise<Response> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch {
    return notFound();
  }
  if (!stat.isFile()) return notFound();

  const headers = new Headers({
    "Content-Type": mimeTypeOf(file),
    "Cache-Control": options.cacheControl,
    "X-Content-Type-Options": "nosniff",
  });
  if (options.contentDisposition) headers.set("Content-Disposition", options.contentDisposition);

  if (options.accelRedirect) {
    headers.set("X-Accel-Redirect", options.accelRedirect);
    return new Response(null, { status: 200, headers });
  }

  const rep = representationOf(stat);
  const plan = planRangeResponse(request.method, request.headers, rep);
  for (const [k, v] of Object.entries(rangeHeaders(plan, rep))) headers.set(k, v);
  if (plan.status === 304 || plan.status === 412) {
    headers.delete("Content-Disposition");
    return new Response(null, { status: plan.status, headers });
  }
  if (plan.status === 416) {
    setContentLength(headers, 0);
    return new Response(null, { status: 416, headers });
  }

  setContentLength(headers, plan.length);
  if (request.method === "HEAD" || plan.length === 0) return new Response(null, { status: plan.status, headers });
  const stream = fs.createReadStream(file, { start: plan.start, end: plan.end, highWaterMark: READ_CHUNK });
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status: plan.status, headers });
}
