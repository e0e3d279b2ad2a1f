// Download routes (app/downloads/…/route.ts) against a real database and real files: who may
// download (purchasers and admins; not anonymous tokens, other learners or refunded buyers),
// the per-segment MP4, and the streamed course ZIP — unzipped and compared file by file, and
// resumed from a random offset with If-Range to a byte-identical archive.
import { deriveMediaKey } from "../media/media-key";
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-db";
import { signMediaToken } from "../media/media-token";
import { COURSE_ZIP_SCOPE, courseZipUrl, segmentDownloadUrl } from "./download-urls";
import type { TReadFileRange } from "./read-file-range";
import { storeCourseZipCrcs } from "./ensure-download-crcs";
import { readFileRange } from "./read-file-range";
import { serveDownloadRequest, type TDownloadRequestParams } from "./serve-download-request";

const SECRET = "downloads-integration-secret-0123456789abcdef";
// What the app signs media with: derived from LECTERN_SECRET (lib/media/media-key.ts).
const KEY = deriveMediaKey(SECRET);
const root = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-downloads-"));
const COURSE = "zip-course";
const PARTS = [
  { title: "Introductions and definitions", segments: [{ slug: "overview", title: "Overview" }, { slug: "guide", title: "Café: naïve/“quoted” guide?" }] },
  { title: "Deep dive", segments: [{ slug: "one", title: "One" }, { slug: "two", title: "Two" }, { slug: "three", title: "Three" }] },
];
const sources = new Map<string, Buffer>();

type TRouteModule = {
  GET: (r: Request, ctx: { params: Promise<TDownloadRequestParams> }) => Promise<Response>;
  HEAD: (r: Request, ctx: { params: Promise<TDownloadRequestParams> }) => Promise<Response>;
};
let t: TestDatabase;
let route: TRouteModule;
const users = { buyer: "buyer1", learner: "learner1", admin: "admin1", refunded: "refunded1" };
const now = () => Math.floor(Date.now() / 1000);
const signing = () => ({ secret: KEY, ttlSeconds: 600, nowSeconds: now() });

async function call(url: string, headers: Record<string, string> = {}, method = "GET") {
  const [, , course, token, ...file] = decodeURI(url).split("/");
  const params: TDownloadRequestParams = { course: course!, token: token!, file: file.map(decodeURIComponent) };
  const handler = method === "HEAD" ? route.HEAD : route.GET;
  const res = await handler(new Request(`http://app.test${url}`, { method, headers }), { params: Promise.resolve(params) });
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  process.env.MEDIA_ROOT = root;
  process.env.LECTERN_SECRET = SECRET;
  const course = await t.db.course.create({
    data: { id: "c-zip", slug: COURSE, title: "Zip: The Course", priceCents: 4900, resourcesUrl: "https://example.com/code" },
    select: { id: true },
  });
  for (const [p, part] of PARTS.entries()) {
    const partRow = await t.db.part.create({ data: { id: `p${p}`, courseId: course.id, position: p + 1, title: part.title }, select: { id: true } });
    for (const [s, seg] of part.segments.entries()) {
      const dir = path.join(root, COURSE, seg.slug);
      fs.mkdirSync(dir, { recursive: true });
      const mp4 = crypto.randomBytes(100_000 + crypto.randomInt(400_000));
      const vtt = Buffer.from(`WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.000\n${seg.title}\n`);
      fs.writeFileSync(path.join(dir, "download.mp4"), mp4);
      fs.writeFileSync(path.join(dir, "captions.en.vtt"), vtt);
      sources.set(seg.slug, mp4);
      sources.set(`${seg.slug}.vtt`, vtt);
      await t.db.segment.create({
        data: {
          id: `s-${seg.slug}`, courseId: course.id, partId: partRow.id, position: s + 1, slug: seg.slug, title: seg.title,
          durationSeconds: 10 + s,
          assets: {
            create: [
              // Learners only see segments with media (lib/catalog/visibility.ts).
              { id: `a-${seg.slug}-m`, kind: "hls-master", path: `${COURSE}/${seg.slug}/master.m3u8`, mimeType: "application/vnd.apple.mpegurl" },
              { id: `a-${seg.slug}-d`, kind: "download", path: `${COURSE}/${seg.slug}/download.mp4`, mimeType: "video/mp4", bytes: mp4.length },
              { id: `a-${seg.slug}-c`, kind: "captions", label: "en", path: `${COURSE}/${seg.slug}/captions.en.vtt`, mimeType: "text/vtt", bytes: vtt.length, language: "en" },
            ],
          },
        },
        select: { id: true },
      });
      if (seg.slug === "overview") {
        // A second captions language travels in the ZIP as its own file.
        const de = Buffer.from("WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.000\nÜberblick\n");
        fs.writeFileSync(path.join(dir, "captions.de.vtt"), de);
        sources.set("overview.de.vtt", de);
        await t.db.mediaAsset.create({
          data: { id: "a-overview-c-de", segmentId: `s-${seg.slug}`, kind: "captions", label: "de", path: `${COURSE}/overview/captions.de.vtt`, mimeType: "text/vtt", bytes: de.length, language: "de" },
          select: { id: true },
        });
      }
    }
  }
  for (const [key, id] of Object.entries(users)) {
    await t.db.user.create({ data: { id, name: key, email: `${key}@example.com`, role: key === "admin" ? "admin" : "learner" }, select: { id: true } });
  }
  for (const [userId, status] of [[users.buyer, "active"], [users.refunded, "refunded"]] as const) {
    await t.db.order.create({
      data: {
        number: `LEC-T-${userId}`, userId, courseId: course.id, status: status === "active" ? "paid" : "refunded", currency: "USD",
        subtotalCents: 4900, totalCents: 4900, provider: "local", buyerName: userId, buyerEmail: `${userId}@example.com`,
        purchase: { create: { userId, courseId: course.id, status } },
      },
      select: { id: true },
    });
  }
  route = (await import("../../app/downloads/[course]/[token]/[...file]/route")) as unknown as TRouteModule;
});
afterAll(async () => {
  await t?.cleanup();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("who may download", () => {
  it("gives a purchaser and an admin the segment MP4 with its numbered file name", async () => {
    for (const user of [users.buyer, users.admin]) {
      const { res, body } = await call(segmentDownloadUrl(COURSE, "guide", "01-02 Cafe", user, signing()));
      expect(res.status).toBe(200);
      expect(body.equals(sources.get("guide")!)).toBe(true);
      expect(res.headers.get("content-length")).toBe(String(body.length));
      const disposition = res.headers.get("content-disposition")!;
      expect(disposition).toContain(`attachment; filename="01-02 Cafe- naive-_quoted_ guide-.mp4"`);
      expect(disposition).toContain(`filename*=UTF-8''01-02%20Caf%C3%A9-%20na%C3%AFve-%E2%80%9Cquoted%E2%80%9D%20guide-.mp4`);
    }
  });

  it("refuses every download URL to other learners, refunded buyers, anonymous and forged tokens", async () => {
    const urls = (user: string) => [
      segmentDownloadUrl(COURSE, "overview", "x", user, signing()),
      segmentDownloadUrl(COURSE, "three", "x", user, signing()),
      courseZipUrl(COURSE, "Zip", user, signing()),
    ];
    for (const user of [users.learner, users.refunded, "ghost-user"]) {
      for (const url of urls(user)) {
        for (const method of ["GET", "HEAD"]) {
          const { res, body } = await call(url, {}, method);
          expect([401, 403], `${user} ${method} ${url}`).toContain(res.status);
          expect(body.length).toBeLessThan(1000);
        }
      }
    }
    const anonymous = signMediaToken(KEY, { scope: "download", course: COURSE, segment: COURSE_ZIP_SCOPE, userId: null, expiresAt: now() + 60 });
    expect((await call(`/downloads/${COURSE}/${anonymous}/x.zip`)).res.status).toBe(403);
    const stream = signMediaToken(KEY, { scope: "stream", course: COURSE, segment: "overview", userId: users.buyer, expiresAt: now() + 60 });
    expect((await call(`/downloads/${COURSE}/${stream}/overview/x.mp4`)).res.status).toBe(403);
    const expired = segmentDownloadUrl(COURSE, "overview", "x", users.buyer, { ...signing(), ttlSeconds: -1 });
    expect((await call(expired)).res.status).toBe(403);
    // A segment token does not open the ZIP, nor another segment.
    const [, , , segToken] = segmentDownloadUrl(COURSE, "overview", "x", users.buyer, signing()).split("/");
    expect((await call(`/downloads/${COURSE}/${segToken}/x.zip`)).res.status).toBe(403);
    expect((await call(`/downloads/${COURSE}/${segToken}/two/x.mp4`)).res.status).toBe(403);
  });

  it("stops links already handed out once the purchase is refunded", async () => {
    const other = "late-refund";
    await t.db.user.create({ data: { id: other, name: "x", email: "late@example.com" }, select: { id: true } });
    const order = await t.db.order.create({
      data: {
        number: "LEC-T-late", userId: other, courseId: "c-zip", status: "paid", currency: "USD", subtotalCents: 1, totalCents: 1,
        provider: "local", buyerName: "x", buyerEmail: "late@example.com", purchase: { create: { userId: other, courseId: "c-zip" } },
      },
      select: { id: true },
    });
    const url = segmentDownloadUrl(COURSE, "one", "x", other, signing());
    expect((await call(url)).res.status).toBe(200);
    await t.db.purchase.update({ where: { orderId: order.id }, data: { status: "refunded", refundedAt: new Date() } });
    expect((await call(url)).res.status).toBe(403);
  });
});

describe("the course ZIP", () => {
  it("announces its exact length up front (HEAD and GET) and holds every file byte for byte", async () => {
    const url = courseZipUrl(COURSE, "Zip: The Course", users.buyer, signing());
    const head = await call(url, {}, "HEAD");
    const { res, body } = await call(url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toContain(`filename="Zip- The Course.zip"`);
    expect(head.res.headers.get("content-length")).toBe(String(body.length));
    expect(res.headers.get("content-length")).toBe(String(body.length));
    expect(res.headers.get("etag")).toBe(head.res.headers.get("etag"));

    // unzip is installed by scripts/test.sh; a missing one fails here, it never skips.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-unzip-"));
    try {
      fs.writeFileSync(path.join(dir, "course.zip"), body);
      execFileSync("unzip", ["-tq", "course.zip"], { cwd: dir });
      execFileSync("unzip", ["-q", "course.zip", "-d", "out"], { cwd: dir, env: { ...process.env, LC_ALL: "C.UTF-8" } });
      const sha = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");
      const out = path.join(dir, "out");
      const readme = fs.readFileSync(path.join(out, "README.txt"), "utf8");
      expect(readme).toContain("Zip: The Course");
      expect(readme).toContain("https://example.com/code");
      expect(readme).toContain("02 Deep dive");
      expect(readme).toContain("with subtitles (English, German) and");
      expect(readme).toContain("1.2  Café: naïve/“quoted” guide?  (0:11)");
      const expected: [string, string][] = [
        ["01 Introductions and definitions/01-01 Overview.mp4", "overview"],
        ["01 Introductions and definitions/01-01 Overview.en.vtt", "overview.vtt"],
        ["01 Introductions and definitions/01-01 Overview.de.vtt", "overview.de.vtt"],
        ["01 Introductions and definitions/01-02 Café- naïve-“quoted” guide-.mp4", "guide"],
        ["02 Deep dive/02-03 Three.mp4", "three"],
        ["02 Deep dive/02-03 Three.en.vtt", "three.vtt"],
      ];
      for (const [name, key] of expected) expect(sha(fs.readFileSync(path.join(out, name))), name).toBe(sha(sources.get(key)!));
      const listed = execFileSync("unzip", ["-Z1", "course.zip"], { cwd: dir, encoding: "utf8" }).trim().split("\n");
      expect(listed).toHaveLength(2 + 2 * 5 + 1);
      // The offline player: every segment, its MP4 by relative path, the captions inside.
      const index = fs.readFileSync(path.join(out, "index.html"), "utf8");
      expect(listed[1]).toBe("index.html");
      expect(index).toContain("<title>Zip: The Course</title>");
      expect(index).toContain(encodeURIComponent("01-01 Overview.mp4"));
      expect(index).toContain('"language":"de"');
      expect(index).not.toMatch(/<\/script>[^]*<\/script>[^]*<\/script>/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("resumes a download broken at a random offset into a byte-identical archive", async () => {
    const url = courseZipUrl(COURSE, "Zip", users.buyer, signing());
    const { res, body: whole } = await call(url);
    const etag = res.headers.get("etag")!;
    for (let i = 0; i < 5; i++) {
      const cut = i === 0 ? Math.floor(whole.length * 0.7) : crypto.randomInt(1, whole.length - 1);
      const rest = await call(url, { range: `bytes=${cut}-`, "if-range": etag });
      expect(rest.res.status).toBe(206);
      expect(rest.res.headers.get("content-range")).toBe(`bytes ${cut}-${whole.length - 1}/${whole.length}`);
      expect(rest.res.headers.get("content-length")).toBe(String(whole.length - cut));
      expect(Buffer.concat([whole.subarray(0, cut), rest.body]).equals(whole)).toBe(true);
    }
    const middle = await call(url, { range: "bytes=1000-1999" });
    expect(middle.body.equals(whole.subarray(1000, 2000))).toBe(true);
    // A fresh link (another token) names the same archive: same ETag, same bytes.
    const again = await call(courseZipUrl(COURSE, "Zip", users.admin, signing()), { range: "bytes=-5000", "if-range": etag });
    expect(again.res.status).toBe(206);
    expect(again.body.equals(whole.subarray(-5000))).toBe(true);
    expect((await call(url, { range: `bytes=${whole.length}-` })).res.status).toBe(416);
    expect((await call(url, { range: "bytes=0-9", "if-range": '"old"' })).res.status).toBe(200);
  });
});

describe("the course ZIP seeks instead of regenerating", () => {
  /** The download handler with a file reader that counts every byte it reads from disk. */
  function countingHandler() {
    const counter = { bytes: 0, reads: [] as string[] };
    const counting: TReadFileRange = async function* (file, start, end) {
      counter.reads.push(`${path.relative(root, file)} ${start}-${end}`);
      for await (const chunk of readFileRange(file, start, end)) {
        counter.bytes += chunk.byteLength;
        yield chunk;
      }
    };
    const deps = { db: t.db, mediaRoot: root, secret: KEY, nowSeconds: now, readFileRange: counting };
    const get = async (url: string, headers: Record<string, string> = {}) => {
      const [, , course, token, ...file] = decodeURI(url).split("/");
      const params: TDownloadRequestParams = { course: course!, token: token!, file: file.map(decodeURIComponent) };
      const res = await serveDownloadRequest(deps, new Request(`http://app.test${url}`, { headers }), params);
      return { res, body: Buffer.from(await res.arrayBuffer()) };
    };
    return { counter, get };
  }

  it("reads O(bytes requested) from disk for a range, never the archive before it", async () => {
    const url = courseZipUrl(COURSE, "Zip", users.buyer, signing());
    const { counter, get } = countingHandler();
    const { res, body: whole } = await get(url);
    expect(res.status).toBe(200);
    const etag = res.headers.get("etag")!;

    // The last 10 bytes are the end of the central directory: no media at all.
    counter.bytes = 0;
    counter.reads = [];
    const tail = await get(url, { range: "bytes=-10", "if-range": etag });
    expect(tail.res.status).toBe(206);
    expect(tail.body.equals(whole.subarray(-10))).toBe(true);
    expect(counter.bytes).toBe(0);

    // 10 bytes in the middle of the last video: exactly those 10 bytes of that file.
    const three = sources.get("three")!;
    const at = whole.indexOf(three.subarray(0, 64));
    expect(at).toBeGreaterThan(0);
    const from = at + Math.floor(three.length / 2);
    counter.bytes = 0;
    counter.reads = [];
    const slice = await get(url, { range: `bytes=${from}-${from + 9}`, "if-range": etag });
    expect(slice.res.status).toBe(206);
    expect(slice.body.equals(whole.subarray(from, from + 10))).toBe(true);
    expect(counter.bytes).toBe(10);
    expect(counter.reads).toEqual([`${COURSE}/three/download.mp4 ${from - at}-${from - at + 9}`]);

    // A range across a file boundary reads the end of one file and the start of the next.
    counter.bytes = 0;
    const across = await get(url, { range: `bytes=${at - 200}-${at + 99}` });
    expect(across.body.equals(whole.subarray(at - 200, at + 100))).toBe(true);
    expect(counter.bytes).toBeLessThanOrEqual(300);
  });

  it("gives every random range the same bytes as the same slice of the whole archive", async () => {
    const url = courseZipUrl(COURSE, "Zip", users.buyer, signing());
    const { counter, get } = countingHandler();
    const { body: whole } = await get(url);
    for (let i = 0; i < 40; i++) {
      const a = crypto.randomInt(0, whole.length);
      const b = Math.min(whole.length - 1, a + crypto.randomInt(0, i % 2 ? 200 : 300_000));
      counter.bytes = 0;
      const part = await get(url, { range: `bytes=${a}-${b}` });
      expect(part.res.status, `bytes=${a}-${b}`).toBe(206);
      expect(part.body.equals(whole.subarray(a, b + 1)), `bytes=${a}-${b}`).toBe(true);
      expect(counter.bytes, `bytes=${a}-${b}`).toBeLessThanOrEqual(b - a + 1);
    }
  });

  it("stores each file's CRC-32 once (computed lazily for files imported without one)", async () => {
    const url = courseZipUrl(COURSE, "Zip", users.buyer, signing());
    const { counter, get } = countingHandler();
    // As imported before CRCs were stored (or by a test factory): none known; and files
    // re-rendered since anything was computed (new mtimes), so nothing is remembered either.
    await t.db.mediaAsset.updateMany({ where: { segment: { courseId: "c-zip" } }, data: { crc32: null, crc32Stamp: null } });
    const later = new Date(Date.now() + 3_600_000);
    for (const a of await t.db.mediaAsset.findMany({ where: { segment: { courseId: "c-zip" }, kind: { in: ["download", "captions"] } }, select: { path: true } })) {
      fs.utimesSync(path.join(root, a.path), later, later);
    }
    const first = await Promise.all([get(url, { range: "bytes=0-0" }), get(url, { range: "bytes=-1" }), get(url)]);
    expect(first.map((r) => r.res.status)).toEqual([206, 206, 200]);
    // Each file read once to compute its CRC (three concurrent requests share the work), plus the 200's own copy.
    const media = [...sources.values()].reduce((n, b) => n + b.length, 0);
    expect(counter.bytes).toBe(2 * media);
    // "Three"'s captions have CRC 0xcf574a17: above 2^31, so this also proves the signed int4 round trip.
    const assets = await t.db.mediaAsset.findMany({ where: { segment: { courseId: "c-zip" }, kind: { in: ["download", "captions"] } }, select: { path: true, crc32: true, crc32Stamp: true } });
    expect(assets).toHaveLength(11);
    for (const a of assets) {
      const file = path.join(root, a.path);
      const bytes = fs.readFileSync(file);
      expect(a.crc32 === null ? null : a.crc32 >>> 0, a.path).toBe(zlib.crc32(bytes));
      expect(a.crc32Stamp).toBe(`${bytes.length}:${fs.statSync(file).mtimeMs}`);
    }
    counter.bytes = 0;
    await get(url, { range: "bytes=0-0" });
    expect(counter.bytes).toBe(0);
  });

  it("has its CRCs stored by the seed's step after an import, so the first request reads no media to plan", async () => {
    await t.db.mediaAsset.updateMany({ where: { segment: { courseId: "c-zip" } }, data: { crc32: null, crc32Stamp: null } });
    await storeCourseZipCrcs(t.db, root, COURSE);
    const stored = await t.db.mediaAsset.findMany({ where: { segment: { courseId: "c-zip" }, kind: { in: ["download", "captions"] } }, select: { crc32: true } });
    expect(stored.every((a) => a.crc32 !== null)).toBe(true);
    const { counter, get } = countingHandler();
    const head = await get(courseZipUrl(COURSE, "Zip", users.buyer, signing()), { range: "bytes=-100" });
    expect(head.res.status).toBe(206);
    expect(counter.bytes).toBe(0);
  });

  it("changes its ETag when a file's content changes, and the new archive's CRCs are right", async () => {
    const url = courseZipUrl(COURSE, "Zip", users.buyer, signing());
    const { get } = countingHandler();
    const before = await get(url);
    const etag = before.res.headers.get("etag")!;
    const vtt = path.join(root, COURSE, "two", "captions.en.vtt");
    const original = fs.readFileSync(vtt);
    const stat = fs.statSync(vtt);
    try {
      // Same length, different text, one second newer (as a re-render would leave it).
      fs.writeFileSync(vtt, Buffer.from(original.toString("latin1").replace("Two", "Owt"), "latin1"));
      fs.utimesSync(vtt, stat.atime, new Date(stat.mtimeMs + 1000));
      const after = await get(url);
      expect(after.body.length).toBe(before.body.length);
      expect(after.res.headers.get("etag")).not.toBe(etag);
      const stale = await get(url, { range: "bytes=100-", "if-range": etag });
      expect(stale.res.status).toBe(200);
      expect(stale.body.equals(after.body)).toBe(true);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-unzip-"));
      try {
        fs.writeFileSync(path.join(dir, "course.zip"), after.body);
        execFileSync("unzip", ["-tq", "course.zip"], { cwd: dir });
        const text = execFileSync("unzip", ["-p", "course.zip", "02 Deep dive/02-02 Two.en.vtt"], { cwd: dir, encoding: "latin1" });
        expect(text).toContain("Owt");
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    } finally {
      fs.writeFileSync(vtt, original);
      fs.utimesSync(vtt, stat.atime, stat.mtime);
    }
  });
});
