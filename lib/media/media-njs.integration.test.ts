// The token scheme exists twice: lib/media/media-token.ts (signs and verifies in the app) and
// deploy/nginx/lectern-media.js (verifies in nginx, the njs mode of deploy/nginx). This test starts
// Debian's nginx with the njs module on a free loopback port and a temporary prefix, signs with
// the TypeScript code, and checks that nginx accepts exactly what the app accepts — and serves
// the same headers as the app's Node path (lib/media/serve-file.ts).
// docs/decisions/007-nginx-offload-and-content-length.md.
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startNginx, type TRunningNginx } from "../../deploy/nginx/run-nginx";
import { signMediaToken, verifyMediaToken } from "./media-token";
import { serveMediaRequest, type TMediaRequestParams } from "./serve-media-request";

// nginx and its njs module are installed by scripts/test.sh (ensure-packages.sh); when they are
// missing, startNginx throws naming the package and this file fails — it never skips.
const SECRET = "njs-integration-secret-0123456789abcdef";
const COURSE = "test-course";
const SEGMENT = "intro";
const root = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-njs-media-"));
fs.chmodSync(root, 0o755); // nginx's workers read it as an unprivileged user
const dir = path.join(root, COURSE, SEGMENT);
const mp4 = crypto.randomBytes(200_001);
const segment = crypto.randomBytes(70_000);
const playlist = Buffer.from("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-ENDLIST\n");
const captions = Buffer.from("WEBVTT\n\n00:00.000 --> 00:01.000\nhello\n");

const now = () => Math.floor(Date.now() / 1000);
type TClaims = Parameters<typeof signMediaToken>[1];
const token = (over: Partial<TClaims> = {}) =>
  signMediaToken(SECRET, { scope: "stream", course: COURSE, segment: SEGMENT, userId: "u1", expiresAt: now() + 600, ...over });

let nginx: TRunningNginx;

/** A request with the path sent verbatim (fetch would resolve `..` and `%2F` before sending). */
function raw(pathname: string, headers: Record<string, string> = {}, method = "GET"): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${nginx.baseUrl}/`, { path: pathname, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

const mediaUrl = (t: string, file: string, course = COURSE, seg = SEGMENT) => `/media/${course}/${seg}/${t}/${file}`;

/** The app's own answer (Node path) for the same request. */
async function appAnswer(file: string, headers: Record<string, string> = {}, method = "GET", t = token()) {
  const params: TMediaRequestParams = { course: COURSE, segment: SEGMENT, token: t, file: file.split("/") };
  const res = await serveMediaRequest({ mediaRoot: root, secret: SECRET, nowSeconds: now }, new Request(`http://app.test${mediaUrl(t, file)}`, { method, headers }), params);
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

beforeAll(async () => {
  fs.mkdirSync(path.join(dir, "720p"), { recursive: true });
  fs.mkdirSync(path.join(root, COURSE, "other"), { recursive: true });
  fs.writeFileSync(path.join(dir, "video.mp4"), mp4);
  fs.writeFileSync(path.join(dir, "download.mp4"), mp4);
  fs.writeFileSync(path.join(dir, "media.json"), "{}");
  fs.writeFileSync(path.join(dir, "notes.txt"), "not media");
  fs.writeFileSync(path.join(dir, ".hidden.mp4"), "hidden");
  fs.writeFileSync(path.join(dir, "master.m3u8"), playlist);
  fs.writeFileSync(path.join(dir, "captions.vtt"), captions);
  fs.writeFileSync(path.join(dir, "720p", "seg_000.ts"), segment);
  fs.writeFileSync(path.join(root, COURSE, "other", "video.mp4"), "other segment");
  fs.writeFileSync(path.join(root, "secret.mp4"), "outside");
  nginx = await startNginx({ app: "127.0.0.1:9", mediaRoot: root, mediaAuth: "njs", secret: SECRET });
});
afterAll(async () => {
  await nginx?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("nginx verifies streaming tokens signed by the app (njs)", () => {
  it.each([
    ["video.mp4", {}],
    ["video.mp4", { range: "bytes=100-199" }],
    ["video.mp4", { range: "bytes=-10" }],
    ["720p/seg_000.ts", { range: "bytes=0-524287" }],
    ["master.m3u8", {}],
    ["captions.vtt", {}],
  ] as const)("serves %s %j with the app's status, bytes and headers", async (file, headers) => {
    for (const userId of ["u1", null]) {
      const t = token({ userId });
      const got = await raw(mediaUrl(t, file), headers);
      const want = await appAnswer(file, headers, "GET", t);
      expect(got.headers["cache-control"]).toContain(userId === null ? "public" : "private");
      expect(got.status).toBe(want.status);
      expect(got.body.equals(want.body)).toBe(true);
      for (const name of ["content-type", "cache-control", "content-length", "content-range", "etag", "last-modified", "x-content-type-options"]) {
        expect(got.headers[name] ?? null, name).toBe(want.headers.get(name));
      }
      if (got.status === 200) expect(got.headers["accept-ranges"]).toBe("bytes");
    }
  });

  it("answers HEAD, If-None-Match, If-Range and unsatisfiable ranges like a static server", async () => {
    const url = mediaUrl(token(), "video.mp4");
    const head = await raw(url, {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-length"]).toBe(String(mp4.length));
    expect(head.body.length).toBe(0);
    const etag = head.headers.etag!;
    expect((await raw(url, { "if-none-match": etag })).status).toBe(304);
    expect((await raw(url, { range: "bytes=5-9", "if-range": etag })).status).toBe(206);
    expect((await raw(url, { range: "bytes=5-9", "if-range": '"stale"' })).status).toBe(200);
    const unsatisfiable = await raw(url, { range: "bytes=999999-" });
    expect(unsatisfiable.status).toBe(416);
    expect(unsatisfiable.headers["content-range"]).toBe(`bytes */${mp4.length}`);
  });

  it("refuses forged, expired, download-scope, malformed and other-asset tokens with 403 and no bytes", async () => {
    const good = token();
    const [head, user, sig] = good.split(".") as [string, string, string];
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === "A" ? "B" : "A") + s.slice(i + 1);
    const later = `s${(now() + 86_400).toString(36)}`;
    const cases: Record<string, string> = {
      "last signature char": flip(good, good.length - 1),
      "middle signature char": `${head}.${user}.${flip(sig, 20)}`,
      "later expiry, old signature": `${later}.${user}.${sig}`,
      "other user, old signature": `${head}.u2.${sig}`,
      "anonymous, old signature": `${head}.-.${sig}`,
      "signed with another secret": signMediaToken("another-secret-0123456789abcdef0123", { scope: "stream", course: COURSE, segment: SEGMENT, userId: "u1", expiresAt: now() + 600 }),
      expired: token({ expiresAt: now() - 5 }),
      "download scope": token({ scope: "download" }),
      "other segment": token({ segment: "other" }),
      "other course": token({ course: "other-course" }),
      "no token": "-",
      "truncated signature": good.slice(0, -1),
    };
    for (const [name, t] of Object.entries(cases)) {
      const res = await raw(mediaUrl(t, "video.mp4"));
      expect(res.status, name).toBe(403);
      expect(res.headers["content-type"], name).toBe("application/json");
      expect(res.body.length, name).toBeLessThan(500);
      expect(JSON.parse(res.body.toString()).error.code, name).toBe("FORBIDDEN");
    }
    expect(JSON.parse((await raw(mediaUrl(token({ expiresAt: now() - 5 }), "video.mp4"))).body.toString()).error.reason).toBe("expired");
    // A token for the other segment, presented there, is fine: the check is per asset folder.
    const other = await raw(mediaUrl(token({ segment: "other" }), "video.mp4", COURSE, "other"));
    expect(other.status).toBe(200);
    expect(other.body.toString()).toBe("other segment");
  });

  it.each([
    "../secret.mp4",
    "720p/../../x.ts",
    "720p/%2E%2E/video.mp4",
    "..%2F..%2Fsecret.mp4",
    "./video.mp4",
    "720p//seg_000.ts",
    "media.json",
    "notes.txt",
    ".hidden.mp4",
    "download.mp4",
    "nope.mp4",
    "a/b/c/d/e.ts",
  ])("answers %s with 404 and never a byte from outside the segment", async (file) => {
    const res = await raw(mediaUrl(token(), file));
    expect(res.status).toBe(404);
    expect(res.headers["content-type"]).toBe("application/json");
    expect(res.body.toString()).not.toMatch(/outside|not media|hidden/);
    // The app says the same (where the file parts reach it unresolved).
    if (!file.includes("%") && !file.includes("//")) expect((await appAnswer(file)).status).toBe(404);
  });

  it("rejects bad slugs with 400, other methods with 405, and keeps the internal locations internal", async () => {
    expect((await raw(mediaUrl(token(), "video.mp4", "Test-Course"))).status).toBe(400);
    expect((await raw(mediaUrl(token(), "video.mp4"), {}, "POST")).status).toBe(405);
    for (const kind of ["immutable", "playlist"]) {
      expect((await raw(`/_lectern_media/${kind}/${COURSE}/${SEGMENT}/video.mp4`)).status).toBe(404);
      for (const audience of ["public", "private"]) {
        expect((await raw(`/_lectern_media/${kind}/${audience}/${COURSE}/${SEGMENT}/video.mp4`)).status).toBe(404);
      }
    }
  });

  it("agrees with verifyMediaToken on randomly mutated tokens (bounded: 80 requests)", async () => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.";
    const pick = (s: string) => s[crypto.randomInt(s.length)]!;
    let accepted = 0;
    for (let i = 0; i < 80; i++) {
      const claims = {
        expiresAt: now() + crypto.randomInt(-30, 600),
        userId: crypto.randomInt(3) === 0 ? null : `user_${crypto.randomInt(1000)}`,
        segment: crypto.randomInt(4) === 0 ? "other" : SEGMENT,
      };
      let t = token(claims);
      if (i % 2 === 1) {
        const at = crypto.randomInt(t.length);
        t = t.slice(0, at) + pick(alphabet) + t.slice(at + 1);
      }
      const app = verifyMediaToken(SECRET, t, { course: COURSE, segment: SEGMENT, scopes: ["stream"] }, now());
      const res = await raw(mediaUrl(t, "720p/seg_000.ts"), { range: "bytes=0-99" });
      expect(res.status, `${t} (app: ${app.ok ? "ok" : app.reason})`).toBe(app.ok ? 206 : 403);
      if (app.ok) accepted++;
    }
    expect(accepted).toBeGreaterThan(5);
  });
});
