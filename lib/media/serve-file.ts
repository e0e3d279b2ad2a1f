import fs from "node:fs";
import { Readable } from "node:stream";
import rangeParser from "range-parser";
import { mimeTypeOf } from "./media-path";

export type TServeFileOptions = { cacheControl: string };

/** Playlists change on re-import; segments, MP4s, posters and captions of one import never do. */
export function cacheControlFor(file: string): string {
  return file.endsWith(".m3u8") ? "private, max-age=60" : "private, max-age=31536000, immutable";
}

function etagOf(stat: fs.Stats): string {
  // nginx's shape: "<mtime hex>-<size hex>".
  return `"${Math.floor(stat.mtimeMs / 1000).toString(16)}-${stat.size.toString(16)}"`;
}

function etagMatches(header: string, etag: string): boolean {
  if (header.trim() === "*") return true;
  return header.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}

/**
 * Serves one file with HTTP semantics close to nginx's: validators (ETag, Last-Modified,
 * If-None-Match, If-Modified-Since, If-Range), single byte ranges (206/416) parsed by the
 * `range-parser` library, and HEAD. Multi-range and malformed Range headers get the whole file.
 */
export async function serveFile(request: Request, file: string, options: TServeFileOptions): Promise<Response> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch {
    return Response.json({ error: { code: "NOT_FOUND", message: "Media file not found" } }, { status: 404 });
  }
  if (!stat.isFile()) {
    return Response.json({ error: { code: "NOT_FOUND", message: "Media file not found" } }, { status: 404 });
  }

  const etag = etagOf(stat);
  const lastModified = new Date(Math.floor(stat.mtimeMs / 1000) * 1000);
  const headers = new Headers({
    "Content-Type": mimeTypeOf(file),
    "Accept-Ranges": "bytes",
    ETag: etag,
    "Last-Modified": lastModified.toUTCString(),
    "Cache-Control": options.cacheControl,
    "X-Content-Type-Options": "nosniff",
  });

  const ifNoneMatch = request.headers.get("if-none-match");
  const ifModifiedSince = request.headers.get("if-modified-since");
  const notModified = ifNoneMatch
    ? etagMatches(ifNoneMatch, etag)
    : ifModifiedSince !== null && Date.parse(ifModifiedSince) >= lastModified.getTime();
  if (notModified) return new Response(null, { status: 304, headers });

  let start = 0;
  let end = stat.size - 1;
  let status = 200;
  const rangeHeader = request.headers.get("range");
  const ifRange = request.headers.get("if-range");
  const rangeApplies =
    rangeHeader !== null &&
    (ifRange === null ||
      (ifRange.startsWith('"') || ifRange.startsWith("W/")
        ? ifRange.trim() === etag
        : Date.parse(ifRange) === lastModified.getTime()));
  if (rangeApplies && rangeHeader) {
    const ranges = rangeParser(stat.size, rangeHeader, { combine: true });
    if (ranges === -1) {
      headers.set("Content-Range", `bytes */${stat.size}`);
      return new Response(null, { status: 416, headers });
    }
    if (Array.isArray(ranges) && ranges.type === "bytes" && ranges.length === 1 && ranges[0]) {
      start = ranges[0].start;
      end = ranges[0].end;
      status = 206;
      headers.set("Content-Range", `bytes ${start}-${end}/${stat.size}`);
    }
  }

  const length = stat.size === 0 ? 0 : end - start + 1;
  headers.set("Content-Length", String(length));
  if (request.method === "HEAD" || length === 0) return new Response(null, { status, headers });

  const stream = fs.createReadStream(file, { start, end });
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status, headers });
}
