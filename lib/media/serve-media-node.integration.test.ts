// The Node media fast path (serve-media-node.ts) against the media route it stands in for, on
// real files over real HTTP: for every request, the fast path (falling back to the route) must
// answer exactly what the route alone answers — status, bytes and headers — and it must take
// the plain reads itself and leave every refusal, error and revalidation to the route.
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deriveMediaKey } from "./media-key";
import { signMediaToken } from "./media-token";
import { serveMediaRequest } from "./serve-media-request";
import { MEDIA_EDGE_HEADERS, serveMediaNode } from "./serve-media-node";
import { startRouteServer } from "./testing/route-server";

const KEY = deriveMediaKey("media-fast-path-secret-0123456789abcdef");
const COURSE = "test-course";
const SEGMENT = "intro";
const root = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-media-fast-"));
const dir = path.join(root, COURSE, SEGMENT);
const mp4 = crypto.randomBytes(300_001);
const seg = crypto.randomBytes(70_000);
const now = () => Math.floor(Date.now() / 1000);
const deps = { mediaRoot: root, secret: KEY, nowSeconds: now };
const token = (over: Partial<{ scope: "stream" | "download"; segment: string; expiresAt: number; userId: string | null }> = {}) =>
  signMediaToken(KEY, { scope: "stream", course: COURSE, segment: SEGMENT, userId: "u1", expiresAt: now() + 600, ...over });

let routeOnly: { baseUrl: string; close(): Promise<void> };
let fastBase = "";
let fastServer: http.Server;
const handledByFastPath: string[] = [];
const passedToRoute: string[] = [];

beforeAll(async () => {
  fs.mkdirSync(path.join(dir, "720p"), { recursive: true });
  fs.writeFileSync(path.join(dir, "video.mp4"), mp4);
  fs.writeFileSync(path.join(dir, "download.mp4"), mp4);
  fs.writeFileSync(path.join(dir, "master.m3u8"), "#EXTM3U\n");
  fs.writeFileSync(path.join(dir, "720p", "seg_000.ts"), seg);
  fs.writeFileSync(path.join(dir, "empty.vtt"), "");
  fs.writeFileSync(path.join(root, "secret.mp4"), "outside");
  const route = {
    pattern: /^\/media\/([^/]+)\/([^/]+)\/([^/]+)\/(.+)$/,
    params: (m: RegExpExecArray) => ({ course: m[1]!, segment: m[2]!, token: m[3]!, file: m[4]!.split("/") }),
    GET: (r: Request, p: Record<string, string | string[]>) =>
      serveMediaRequest(deps, r, p as { course: string; segment: string; token: string; file: string[] }),
    HEAD: (r: Request, p: Record<string, string | string[]>) =>
      serveMediaRequest(deps, r, p as { course: string; segment: string; token: string; file: string[] }),
  };
  routeOnly = await startRouteServer([route]);
  // The fast path in front of a second route server, the way the request guard puts it in front of Next.
  const behind = await startRouteServer([route]);
  fastServer = http.createServer((req, res) => {
    serveMediaNode(deps, req, res, () => {
      passedToRoute.push(req.url!);
      const proxied = http.request(`${behind.baseUrl}${req.url}`, { method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode!, up.headers);
        up.pipe(res);
      });
      proxied.end();
    });
    res.once("finish", () => !passedToRoute.includes(req.url!) && handledByFastPath.push(req.url!));
  });
  await new Promise<void>((resolve) => fastServer.listen(0, "127.0.0.1", resolve));
  fastBase = `http://127.0.0.1:${(fastServer.address() as { port: number }).port}`;
  afterAll(() => behind.close());
});

afterAll(async () => {
  await routeOnly.close();
  fastServer.closeAllConnections();
  await new Promise((r) => fastServer.close(r));
  fs.rmSync(root, { recursive: true, force: true });
});

let requests = 0;
const COMPARED = ["content-type", "cache-control", "content-length", "content-range", "accept-ranges", "etag", "last-modified", "x-content-type-options"];

async function both(file: string, headers: Record<string, string> = {}, method = "GET", t = token()) {
  // A query that names each request, so the logs above tell which of them the fast path took.
  const p = `/media/${COURSE}/${SEGMENT}/${t}/${file}?n=${++requests}`;
  const [a, b] = await Promise.all([fetch(`${routeOnly.baseUrl}${p}`, { method, headers }), fetch(`${fastBase}${p}`, { method, headers })]);
  const [ab, bb] = [Buffer.from(await a.arrayBuffer()), Buffer.from(await b.arrayBuffer())];
  return { route: a, fast: b, routeBody: ab, fastBody: bb, path: p };
}

function expectSame(r: Awaited<ReturnType<typeof both>>) {
  expect(r.fast.status).toBe(r.route.status);
  expect(r.fastBody.equals(r.routeBody)).toBe(true);
  for (const h of COMPARED) expect([h, r.fast.headers.get(h)]).toEqual([h, r.route.headers.get(h)]);
}

describe("media fast path: the route's answers, without Next", () => {
  it.each([
    ["video.mp4", {}, "GET"],
    ["video.mp4", { range: "bytes=0-99" }, "GET"],
    ["video.mp4", { range: "bytes=299990-" }, "GET"],
    ["video.mp4", { range: "bytes=-10" }, "GET"],
    ["video.mp4", { range: "bytes=0-1,5-6" }, "GET"],
    ["video.mp4", { range: "bytes=x-y" }, "GET"],
    ["720p/seg_000.ts", { range: "bytes=0-65535" }, "GET"],
    ["master.m3u8", {}, "GET"],
    ["video.mp4", {}, "HEAD"],
    ["empty.vtt", {}, "GET"],
  ] as const)("serves %s %j (%s) itself, exactly as the route does", async (file, headers, method) => {
    const r = await both(file, headers, method);
    expect([200, 206]).toContain(r.fast.status);
    expectSame(r);
    expect(handledByFastPath).toContain(r.path);
    expect(passedToRoute).not.toContain(r.path);
  });

  it("marks free media (a token naming no user) public, paid media private, as the route does", async () => {
    const free = await both("720p/seg_000.ts", {}, "GET", token({ userId: null }));
    expect(free.fast.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expectSame(free);
    const paid = await both("720p/seg_000.ts", {}, "GET", token({ userId: "u2" }));
    expect(paid.fast.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
  });

  it.each([
    ["a download-scoped token", "video.mp4", {}, () => token({ scope: "download" })],
    ["an expired token", "video.mp4", {}, () => token({ expiresAt: now() - 1 })],
    ["another segment's token", "video.mp4", {}, () => token({ segment: "other" })],
    ["a tampered token", "video.mp4", {}, () => `${token().slice(0, -2)}xx`],
    ["a path out of the segment", "../secret.mp4", {}, () => token()],
    ["media.json", "media.json", {}, () => token()],
    ["a missing file", "nope.mp4", {}, () => token()],
    ["the download-only file", "download.mp4", {}, () => token()],
    ["an unsatisfiable range", "video.mp4", { range: "bytes=400000-" }, () => token()],
  ] as const)("leaves %s to the route (same answer)", async (_what, file, headers, t) => {
    const r = await both(file, headers, "GET", t());
    expect(r.fast.status).toBeGreaterThanOrEqual(400);
    expectSame(r);
    expect(handledByFastPath).not.toContain(r.path);
  });

  it("leaves revalidation (304) and a stale If-Range to the route, with the same answers", async () => {
    const first = await both("video.mp4");
    const etag = first.route.headers.get("etag")!;
    const revalidate = await both("video.mp4", { "if-none-match": etag });
    expect(revalidate.fast.status).toBe(304);
    expectSame(revalidate);
    expect(passedToRoute).toContain(revalidate.path);
    const stale = await both("video.mp4", { range: "bytes=0-9", "if-range": '"0-0"' });
    expect(stale.fast.status).toBe(200);
    expectSame(stale);
  });

  it("sends the security headers next.config.js gives every /media/ response", async () => {
    type TRules = { source: string; headers: { key: string; value: string }[] }[];
    const config = createRequire(import.meta.url)("../../next.config.js") as { headers(): Promise<TRules> };
    const headersOf = () => config.headers();
    const rules = await headersOf();
    const forMedia = rules.filter((r) => r.source === "/:path*" || r.source.includes("media")).flatMap((r) => r.headers);
    expect(forMedia.length).toBeGreaterThan(3);
    expect(Object.fromEntries(forMedia.map((h) => [h.key, h.value]))).toEqual(MEDIA_EDGE_HEADERS);
    const r = await both("video.mp4", { range: "bytes=0-9" });
    for (const [k, v] of Object.entries(MEDIA_EDGE_HEADERS)) expect(r.fast.headers.get(k)).toBe(v);
  });
});
