import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-db";
import { AppError } from "../errors";
import { serveWebHandler } from "../http/testing/serve-web-handler";
import { createSegmentWithoutMedia, makeTestVideo } from "../jobs/testing/job-fixtures";
import { createTusHandler, UPLOAD_ENDPOINT } from "./tus-handler";
import { UPLOAD_PATCH_MAX_BYTES } from "./upload-rules";

const MAX_VIDEO = 2 * 1024 * 1024;
type TWho = "anonymous" | "learner" | "admin";

let t: TestDatabase;
let root: string;
let uploadRoot: string;
let mediaRoot: string;
let server: Awaited<ReturnType<typeof serveWebHandler>>;
let who: TWho = "admin";
const uploaded: unknown[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  root = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-tus-"));
  uploadRoot = path.join(root, "uploads");
  mediaRoot = path.join(root, "media");
  server = await serveWebHandler(makeHandler());
});

/** One app instance's tus endpoint; two of them share the database and UPLOAD_ROOT. */
function makeHandler() {
  return createTusHandler({
    db: t.db,
    uploadRoot,
    mediaRoot,
    maxVideoBytes: MAX_VIDEO,
    trustedProxyHops: 0,
    // The route's requireAdminApi() in miniature: the same errors, chosen by the test.
    async authorize() {
      if (who === "anonymous") throw new AppError("UNAUTHENTICATED", "Sign in as an admin to do this.");
      if (who === "learner") throw new AppError("FORBIDDEN", "Only admins may do this.");
      return { id: "usr_admin", email: "admin@example.com" };
    },
    async onUploaded(_tx, event) {
      uploaded.push(event);
    },
  });
}
afterAll(async () => {
  await server?.close();
  await t.cleanup();
  fs.rmSync(root, { recursive: true, force: true });
});

const b64 = (s: string) => Buffer.from(s).toString("base64");
const metadata = (m: Record<string, string>) =>
  Object.entries(m)
    .map(([k, v]) => `${k} ${b64(v)}`)
    .join(",");
const tus = (method: string, url: string, headers: Record<string, string> = {}, body?: Uint8Array) =>
  fetch(url.startsWith("http") ? url : `${server.baseUrl}${url}`, {
    method,
    headers: { "Tus-Resumable": "1.0.0", ...headers },
    body: body as BodyInit | undefined,
  });
const create = (size: number, m: Record<string, string>) => tus("POST", UPLOAD_ENDPOINT, { "Upload-Length": String(size), "Upload-Metadata": metadata(m) });

describe("the tus upload endpoint", () => {
  it("answers every tus method with 401 to an anonymous visitor and 403 to a learner, storing nothing", async () => {
    const { segment } = await createSegmentWithoutMedia(t.db);
    who = "admin";
    const created = await create(10, { segmentId: segment.id, kind: "video", filename: "a.mp4", filetype: "video/mp4" });
    expect(created.status).toBe(201);
    const url = created.headers.get("location")!;
    for (const [role, status] of [["anonymous", 401], ["learner", 403]] as const) {
      who = role;
      expect((await create(10, { segmentId: segment.id, kind: "video", filename: "a.mp4" })).status).toBe(status);
      expect((await tus("HEAD", url)).status).toBe(status);
      expect((await tus("PATCH", url, { "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" }, new Uint8Array(10))).status).toBe(status);
      expect((await tus("DELETE", url)).status).toBe(status);
      expect((await tus("OPTIONS", UPLOAD_ENDPOINT)).status).toBe(status);
      const json = await (await create(10, { segmentId: segment.id, kind: "video", filename: "a.mp4" })).json();
      expect(json).toMatchObject({ error: { code: status === 401 ? "UNAUTHENTICATED" : "FORBIDDEN" } });
    }
    who = "admin";
    const head = await tus("HEAD", url);
    expect(head.headers.get("upload-offset")).toBe("0");
    // One upload exists: the admin's (a file and tus's .json beside it).
    expect(fs.readdirSync(uploadRoot).length).toBe(2);
    expect((await tus("DELETE", url)).status).toBe(204);
  });

  it("refuses an upload past the size limit, a file that is not a video, an unknown segment and a foreign origin", async () => {
    who = "admin";
    const { segment } = await createSegmentWithoutMedia(t.db);
    const before = fs.readdirSync(uploadRoot).length;
    const big = await create(MAX_VIDEO + 1, { segmentId: segment.id, kind: "video", filename: "big.mp4", filetype: "video/mp4" });
    expect(big.status).toBe(413);
    const pdf = await create(100, { segmentId: segment.id, kind: "video", filename: "notes.pdf", filetype: "application/pdf" });
    expect(pdf.status).toBe(400);
    expect(await pdf.text()).toContain("notes.pdf is not a video file");
    const nowhere = await create(100, { segmentId: "seg_nope", kind: "video", filename: "a.mp4" });
    expect(nowhere.status).toBe(404);
    const foreign = await tus("POST", UPLOAD_ENDPOINT, {
      "Upload-Length": "100",
      "Upload-Metadata": metadata({ segmentId: segment.id, kind: "video", filename: "a.mp4" }),
      Origin: "https://evil.example",
    });
    expect(foreign.status).toBe(403);
    expect(fs.readdirSync(uploadRoot).length).toBe(before);
  });

  it("refuses a chunk larger than the chunk limit before reading it", async () => {
    who = "admin";
    const { segment } = await createSegmentWithoutMedia(t.db);
    const created = await create(MAX_VIDEO, { segmentId: segment.id, kind: "video", filename: "a.mp4" });
    const url = new URL(created.headers.get("location")!, server.baseUrl).toString();
    server.resetBytesPulled();
    const patch = await fetch(url, {
      method: "PATCH",
      headers: { "Tus-Resumable": "1.0.0", "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream", "Content-Length": String(UPLOAD_PATCH_MAX_BYTES + 1) },
      body: new Uint8Array(UPLOAD_PATCH_MAX_BYTES + 1),
    });
    expect(patch.status).toBe(413);
    expect(server.bytesPulled()).toBe(0);
    expect((await tus("HEAD", url)).headers.get("upload-offset")).toBe("0");
  });

  it("resumes an interrupted upload from the offset HEAD reports, and a finished video becomes a queued job", async () => {
    who = "admin";
    const { segment } = await createSegmentWithoutMedia(t.db);
    const video = fs.readFileSync(makeTestVideo(path.join(root, "talk.mp4"), { seconds: 2 }));
    const created = await create(video.length, { segmentId: segment.id, kind: "video", filename: "talk.mp4", filetype: "video/mp4" });
    expect(created.status).toBe(201);
    const url = created.headers.get("location")!;
    expect(url).toMatch(new RegExp(`^${UPLOAD_ENDPOINT}/[0-9a-f]{32}$`));

    const half = Math.floor(video.length / 2);
    const first = await tus("PATCH", url, { "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" }, video.subarray(0, half));
    expect(first.status).toBe(204);
    // The connection dropped here; the page (or a new one) asks where to go on.
    const head = await tus("HEAD", url);
    expect(head.status).toBe(200);
    expect(head.headers.get("upload-offset")).toBe(String(half));
    expect(head.headers.get("upload-length")).toBe(String(video.length));
    expect(await t.db.transcodeJob.count({ where: { segmentId: segment.id } })).toBe(0);

    // A chunk sent from a wrong offset is refused (409) and changes nothing.
    const wrong = await tus("PATCH", url, { "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" }, video.subarray(0, 10));
    expect(wrong.status).toBe(409);

    const rest = await tus("PATCH", url, { "Upload-Offset": String(half), "Content-Type": "application/offset+octet-stream" }, video.subarray(half));
    expect(rest.status).toBe(204);
    const jobId = rest.headers.get("lectern-job");
    const job = await t.db.transcodeJob.findUniqueOrThrow({ where: { id: jobId! } });
    expect(job).toMatchObject({ segmentId: segment.id, status: "queued", sourceName: "talk.mp4", createdById: "usr_admin" });
    expect(fs.readFileSync(path.join(uploadRoot, job.sourcePath)).equals(video)).toBe(true);
    expect(uploaded.at(-1)).toMatchObject({ kind: "video", segmentId: segment.id, filename: "talk.mp4", jobId });
  });

  it("attaches an uploaded SRT as the segment's WebVTT captions at once, and refuses a malformed one with its line", async () => {
    who = "admin";
    const { course, segment } = await createSegmentWithoutMedia(t.db);
    const send = async (filename: string, text: string, language: string) => {
      const body = Buffer.from(text);
      const created = await create(body.length, { segmentId: segment.id, kind: "captions", filename, language });
      expect(created.status).toBe(201);
      return tus("PATCH", created.headers.get("location")!, { "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" }, body);
    };
    const ok = await send("talk.de.srt", "1\n00:00:00,500 --> 00:00:01,500\nHallo\n", "de");
    expect(ok.status).toBe(204);
    const asset = await t.db.mediaAsset.findFirstOrThrow({ where: { segmentId: segment.id, kind: "captions" } });
    expect(asset).toMatchObject({ label: "de", language: "de", mimeType: "text/vtt" });
    expect(asset.path.startsWith(`${course.slug}/${segment.slug}/captions/de-`)).toBe(true);
    expect(fs.readFileSync(path.join(mediaRoot, asset.path), "utf8")).toBe("WEBVTT\n\n1\n00:00:00.500 --> 00:00:01.500\nHallo\n");

    const bad = await send("broken.srt", "1\n00:00:00,500 --> soon\nHallo\n", "de");
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("broken.srt line 2: unreadable cue timing");
    expect((await t.db.mediaAsset.findFirstOrThrow({ where: { segmentId: segment.id, kind: "captions" } })).path).toBe(asset.path);
  });

  it("two instances sharing UPLOAD_ROOT: resuming on one cancels the stalled request on the other, and the file stays exact", async () => {
    who = "admin";
    const other = await serveWebHandler(makeHandler());
    try {
      const { segment } = await createSegmentWithoutMedia(t.db);
      const size = 256 * 1024;
      const bytes = crypto.randomBytes(size);
      const created = await create(size, { segmentId: segment.id, kind: "video", filename: "two.mp4", filetype: "video/mp4" });
      const url = created.headers.get("location")!;
      const file = path.join(uploadRoot, url.split("/").at(-1)!);

      // Instance A: a PATCH whose connection stalls after 64 KiB (a laptop lid closed mid-upload).
      const stalled = http.request(`${server.baseUrl}${url}`, {
        method: "PATCH",
        headers: { "Tus-Resumable": "1.0.0", "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream", "Content-Length": String(size) },
      });
      const stalledEnd = new Promise<string>((resolve) => {
        stalled.on("response", (r) => {
          r.resume();
          resolve(`status ${r.statusCode} offset ${r.headers["upload-offset"] ?? "-"}`);
        });
        stalled.on("error", () => resolve("connection closed"));
      });
      stalled.write(bytes.subarray(0, 64 * 1024));
      for (let i = 0; i < 200 && (fs.existsSync(file) ? fs.statSync(file).size : 0) < 64 * 1024; i++) await new Promise((r) => setTimeout(r, 25));
      expect(fs.statSync(file).size).toBe(64 * 1024);

      // The client resumes through instance B: HEAD asks A (another process's lock) to let go.
      const head = await tus("HEAD", `${other.baseUrl}${url}`);
      expect(head.status).toBe(200);
      const offset = Number(head.headers.get("upload-offset"));
      expect(offset).toBe(64 * 1024);
      const rest = await tus("PATCH", `${other.baseUrl}${url}`, { "Upload-Offset": String(offset), "Content-Type": "application/offset+octet-stream" }, bytes.subarray(offset));
      expect(rest.status).toBe(204);
      expect(rest.headers.get("lectern-job")).toBeTruthy();

      // A's late bytes finally arrive: they must not land in the finished file.
      stalled.end(crypto.randomBytes(size - 64 * 1024));
      // (tus ends a released PATCH with the offset it had reached: 64 KiB, not the whole file.)
      expect(await stalledEnd).toMatch(/^(status 204 offset 65536|status (4|5)\d\d .*|connection closed)$/);
      expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    } finally {
      await other.close();
    }
  });
});
