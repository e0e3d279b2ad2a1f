// The media route (app/media/…/route.ts) on real files: RFC 9110 ranges and validators, a
// bounded fuzz of Range/If-Range headers, the Content-Length relay over real HTTP, and the
// nginx X-Accel-Redirect offload with Debian's nginx in front (fails when nginx is missing;
// scripts/test.sh installs it).
import { deriveMediaKey } from "./media-key";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startNginx } from "../../deploy/nginx/run-nginx";
import { signMediaToken } from "./media-token";
import { serveMediaRequest, type TMediaRequestParams } from "./serve-media-request";
import { startRouteServer, type TRoute } from "./testing/route-server";

const SECRET = "media-integration-secret-0123456789abcdef";
// What the app signs media with: derived from LECTERN_SECRET (lib/media/media-key.ts).
const KEY = deriveMediaKey(SECRET);
const COURSE = "test-course";
const SEGMENT = "intro";
const root = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-media-"));
fs.chmodSync(root, 0o755); // nginx's workers read it as an unprivileged user
const dir = path.join(root, COURSE, SEGMENT);
const mp4 = crypto.randomBytes(300_001);
const playlist = Buffer.from("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-ENDLIST\n");
const segment = crypto.randomBytes(70_000);

process.env.MEDIA_ROOT = root;
process.env.LECTERN_SECRET = SECRET;
type TRouteModule = { GET: (r: Request, ctx: { params: Promise<TMediaRequestParams> }) => Promise<Response> };
let route: TRouteModule;

const now = () => Math.floor(Date.now() / 1000);
const token = (over: Partial<{ scope: "stream" | "download"; segment: string; expiresAt: number }> = {}) =>
  signMediaToken(KEY, { scope: "stream", course: COURSE, segment: SEGMENT, userId: "u1", expiresAt: now() + 600, ...over });

async function get(file: string, headers: Record<string, string> = {}, method = "GET", t = token()) {
  const params: TMediaRequestParams = { course: COURSE, segment: SEGMENT, token: t, file: file.split("/") };
  const url = `http://app.test/media/${COURSE}/${SEGMENT}/${t}/${file}`;
  const res = await route.GET(new Request(url, { method, headers }), { params: Promise.resolve(params) });
  const body = Buffer.from(await res.arrayBuffer());
  return { res, body };
}

beforeAll(async () => {
  fs.mkdirSync(path.join(dir, "720p"), { recursive: true });
  fs.writeFileSync(path.join(dir, "video.mp4"), mp4);
  fs.writeFileSync(path.join(dir, "download.mp4"), mp4);
  fs.writeFileSync(path.join(dir, "master.m3u8"), playlist);
  fs.writeFileSync(path.join(dir, "720p", "seg_000.ts"), segment);
  fs.writeFileSync(path.join(dir, "empty.vtt"), "");
  fs.writeFileSync(path.join(root, "secret.mp4"), "outside");
  route = (await import("../../app/media/[course]/[segment]/[token]/[...file]/route")) as unknown as TRouteModule;
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("media route: ranges and validators on a real file", () => {
  it("serves the whole file with length, validators and immutable caching", async () => {
    const { res, body } = await get("video.mp4");
    expect(res.status).toBe(200);
    expect(body.equals(mp4)).toBe(true);
    expect(res.headers.get("content-length")).toBe(String(mp4.length));
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(res.headers.get("etag")).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(res.headers.get("last-modified")).toMatch(/GMT$/);
    expect(res.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(res.headers.get("content-type")).toBe("video/mp4");
  });

  it("gives playlists private, short caching and segments immutable caching", async () => {
    expect((await get("master.m3u8")).res.headers.get("cache-control")).toBe("private, max-age=60");
    const seg = await get("720p/seg_000.ts");
    expect(seg.res.headers.get("cache-control")).toContain("immutable");
    expect(seg.body.equals(segment)).toBe(true);
  });

  it.each([
    ["bytes=0-99", 0, 99],
    ["bytes=299990-", 299_990, 300_000],
    ["bytes=-10", 299_991, 300_000],
    ["bytes=299999-999999", 299_999, 300_000],
    ["bytes=-999999", 0, 300_000],
    ["bytes=10-19,20-29", 10, 29],
  ])("%s → 206 with exact bytes", async (range, start, end) => {
    const { res, body } = await get("video.mp4", { range });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe(`bytes ${start}-${end}/${mp4.length}`);
    expect(res.headers.get("content-length")).toBe(String(end - start + 1));
    expect(body.equals(mp4.subarray(start, end + 1))).toBe(true);
  });

  it("answers an unsatisfiable range with 416 and bytes */size", async () => {
    const { res, body } = await get("video.mp4", { range: "bytes=300001-" });
    expect(res.status).toBe(416);
    expect(res.headers.get("content-range")).toBe(`bytes */${mp4.length}`);
    expect(body.length).toBe(0);
    expect((await get("empty.vtt", { range: "bytes=0-" })).res.status).toBe(416);
  });

  it.each(["bytes=9-1", "bytes=x-y", "pages=1-2", "bytes=0-1,5-6"])("%s → 200 with the whole file", async (range) => {
    const { res, body } = await get("video.mp4", { range });
    expect(res.status).toBe(200);
    expect(body.length).toBe(mp4.length);
  });

  it("answers HEAD like GET without a body", async () => {
    const { res, body } = await get("video.mp4", {}, "HEAD");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBe(String(mp4.length));
    expect(body.length).toBe(0);
  });

  it("revalidates with If-None-Match / If-Modified-Since and resumes only with a current If-Range", async () => {
    const { res } = await get("video.mp4");
    const etag = res.headers.get("etag")!;
    const lastModified = res.headers.get("last-modified")!;
    expect((await get("video.mp4", { "if-none-match": etag })).res.status).toBe(304);
    expect((await get("video.mp4", { "if-modified-since": lastModified })).res.status).toBe(304);
    expect((await get("video.mp4", { range: "bytes=5-9", "if-range": etag })).res.status).toBe(206);
    expect((await get("video.mp4", { range: "bytes=5-9", "if-range": lastModified })).res.status).toBe(206);
    const stale = await get("video.mp4", { range: "bytes=5-9", "if-range": '"stale"' });
    expect(stale.res.status).toBe(200);
    expect(stale.body.length).toBe(mp4.length);
  });

  it.each([["../secret.mp4"], ["media.json"], ["nope.mp4"], ["720p/../../x.ts"], ["download.mp4"]])(
    "answers %s with 404 and never a byte from outside the segment",
    async (file) => {
      const { res, body } = await get(file);
      expect(res.status).toBe(404);
      expect(body.toString()).not.toContain("outside");
    },
  );

  it("refuses download, expired and foreign tokens with 403", async () => {
    expect((await get("video.mp4", {}, "GET", token({ scope: "download" }))).res.status).toBe(403);
    expect((await get("video.mp4", {}, "GET", token({ expiresAt: now() - 1 }))).res.status).toBe(403);
    expect((await get("video.mp4", {}, "GET", token({ segment: "other" }))).res.status).toBe(403);
  });
});

describe("media route: fuzzed Range / If-Range headers", () => {
  const pieces = ["bytes=", "bytes =", "BYTES=", "items=", "", "-", ",", " ", "0", "1", "9", "299999", "300000", "300001",
    "99999999999999999999", "-0", "a", "=", "\t", "1e3", "0x10", "-5", "5-", "bytes=0-"];
  const rand = (n: number) => Math.floor(Math.random() * n);
  const fuzzHeader = () => Array.from({ length: 1 + rand(6) }, () => pieces[rand(pieces.length)]).join("");

  it("never answers 5xx, and every 200/206 has a consistent length and Content-Range", async () => {
    const { res: first } = await get("video.mp4");
    const etag = first.headers.get("etag")!;
    const ifRanges = [undefined, etag, '"x"', "W/" + etag, first.headers.get("last-modified")!, "garbage"];
    for (let i = 0; i < 400; i++) {
      const headers: Record<string, string> = { range: fuzzHeader() };
      const ifRange = ifRanges[rand(ifRanges.length)];
      if (ifRange) headers["if-range"] = ifRange;
      const { res, body } = await get("video.mp4", headers);
      expect(res.status, JSON.stringify(headers)).toBeLessThan(500);
      expect([200, 206, 416]).toContain(res.status);
      if (res.status === 416) {
        expect(res.headers.get("content-range")).toBe(`bytes */${mp4.length}`);
        continue;
      }
      expect(Number(res.headers.get("content-length"))).toBe(body.length);
      if (res.status === 200) expect(body.equals(mp4)).toBe(true);
      else {
        const m = /^bytes (\d+)-(\d+)\/300001$/.exec(res.headers.get("content-range") ?? "");
        expect(m, JSON.stringify(headers)).not.toBeNull();
        expect(body.equals(mp4.subarray(Number(m![1]), Number(m![2]) + 1))).toBe(true);
      }
    }
  });
});

describe("over HTTP: the Content-Length relay and the nginx offload", () => {
  const mediaRoute = (offload: boolean): TRoute => {
    const deps = {
      mediaRoot: root,
      secret: KEY,
      nowSeconds: now,
      offload: offload ? ({ kind: "nginx", prefix: "/_protected_media" } as const) : undefined,
    };
    const handler = (request: Request, p: Record<string, string | string[]>) =>
      serveMediaRequest(deps, request, p as unknown as TMediaRequestParams);
    return {
      pattern: /^\/media\/([^/]+)\/([^/]+)\/([^/]+)\/(.+)$/,
      params: (m) => ({ course: m[1]!, segment: m[2]!, token: m[3]!, file: m[4]!.split("/") }),
      GET: handler,
      HEAD: handler,
    };
  };

  it("delivers Content-Length (not chunked) for 200, 206 and HEAD although the body is streamed", async () => {
    const app = await startRouteServer([mediaRoute(false)]);
    try {
      const url = `${app.baseUrl}/media/${COURSE}/${SEGMENT}/${token()}/video.mp4`;
      const full = await fetch(url);
      expect(full.headers.get("content-length")).toBe(String(mp4.length));
      expect(full.headers.get("transfer-encoding")).toBeNull();
      expect(full.headers.get("x-lectern-content-length")).toBeNull();
      expect(Buffer.from(await full.arrayBuffer()).equals(mp4)).toBe(true);
      const part = await fetch(url, { headers: { range: "bytes=100-199" } });
      expect(part.status).toBe(206);
      expect(part.headers.get("content-length")).toBe("100");
      await part.arrayBuffer();
      const head = await fetch(url, { method: "HEAD" });
      expect(head.headers.get("content-length")).toBe(String(mp4.length));
    } finally {
      await app.close();
    }
  });

  it("streams valid signed URLs through nginx (X-Accel-Redirect) and refuses forged or expired ones", async () => {
    const app = await startRouteServer([mediaRoute(true)]);
    const nginx = await startNginx({ app: app.host, mediaRoot: root });
    try {
      const url = (t: string, file = "video.mp4") => `${nginx.baseUrl}/media/${COURSE}/${SEGMENT}/${t}/${file}`;
      const full = await fetch(url(token()));
      expect(full.status).toBe(200);
      expect(full.headers.get("content-length")).toBe(String(mp4.length));
      expect(full.headers.get("content-type")).toBe("video/mp4");
      expect(full.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
      expect(full.headers.get("x-content-type-options")).toBe("nosniff");
      expect(full.headers.get("x-accel-redirect")).toBeNull();
      const etag = full.headers.get("etag");
      expect(Buffer.from(await full.arrayBuffer()).equals(mp4)).toBe(true);

      // nginx's validators are the app's (same ETag shape), so caches see one representation.
      const direct = await get("video.mp4");
      expect(etag).toBe(direct.res.headers.get("etag"));
      const part = await fetch(url(token()), { headers: { range: "bytes=-100", "if-range": etag! } });
      expect(part.status).toBe(206);
      expect(part.headers.get("content-range")).toBe("bytes 299901-300000/300001");
      expect(Buffer.from(await part.arrayBuffer()).equals(mp4.subarray(-100))).toBe(true);
      expect((await fetch(url(token()), { headers: { "if-none-match": etag! } })).status).toBe(304);
      expect((await fetch(url(token()), { headers: { range: "bytes=999999-" } })).status).toBe(416);
      const pl = await fetch(url(token(), "master.m3u8"));
      expect(pl.headers.get("cache-control")).toBe("private, max-age=60");
      expect(Buffer.from(await pl.arrayBuffer()).equals(playlist)).toBe(true);

      const forged = token().replace(/.$/, (c) => (c === "A" ? "B" : "A"));
      for (const t of [forged, token({ expiresAt: now() - 5 }), token({ segment: "other" })]) {
        const res = await fetch(url(t));
        expect(res.status).toBe(403);
        expect((await res.text()).length).toBeLessThan(500);
      }
      // The internal location is not reachable from outside.
      expect((await fetch(`${nginx.baseUrl}/_protected_media/${COURSE}/${SEGMENT}/video.mp4`)).status).toBe(404);

      // The same app reached directly (nginx bypassed) names the misconfiguration instead of an empty 200.
      const bypassed = await fetch(`${app.baseUrl}/media/${COURSE}/${SEGMENT}/${token()}/video.mp4`);
      expect(bypassed.status).toBe(503);
      expect(bypassed.headers.get("x-accel-redirect")).toBeNull();
      expect(((await bypassed.json()) as { error: { message: string } }).error.message).toContain("MEDIA_OFFLOAD=nginx");
    } finally {
      await nginx.stop();
      await app.close();
    }
  });
});
