import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-db";
import { findSegment } from "../catalog/find-segment";
import { segmentMediaUrls } from "../media/segment-media-urls";
import { serveMediaRequest } from "../media/serve-media-request";
import { enqueueTranscode } from "./enqueue-transcode";
import { claimNextJob, failJob, JOB_LEASE_MS, MAX_JOB_ATTEMPTS, recordJobProgress, renewJobLease } from "./job-lease";
import { retryJob } from "./retry-job";
import { runTranscodeJob } from "./run-transcode-job";
import { startWorker } from "./run-worker";
import { mediaChildren } from "./testing/media-children";
import { createSegmentWithoutMedia, makeTestVideo, truncateTo } from "./testing/job-fixtures";

let t: TestDatabase;
let root: string;
let mediaRoot: string;
let uploadRoot: string;
let goodVideo: string;

beforeAll(async () => {
  t = await createTestDatabase();
  root = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-jobs-"));
  mediaRoot = path.join(root, "media");
  uploadRoot = path.join(root, "uploads");
  fs.mkdirSync(uploadRoot, { recursive: true });
  goodVideo = makeTestVideo(path.join(root, "good.mp4"), { seconds: 2 });
});
afterAll(async () => {
  await t.cleanup();
  fs.rmSync(root, { recursive: true, force: true });
});

/** Places a copy of `file` in UPLOAD_ROOT as tus would, and queues its job. */
async function upload(segmentId: string, file: string, name = path.basename(file)) {
  const id = `upl-${Math.random().toString(36).slice(2, 10)}`;
  fs.copyFileSync(file, path.join(uploadRoot, id));
  fs.writeFileSync(path.join(uploadRoot, `${id}.json`), "{}");
  return enqueueTranscode(t.db, { segmentId, sourcePath: id, sourceName: name, createdById: null });
}

const jobRow = (id: string) => t.db.transcodeJob.findUniqueOrThrow({ where: { id } });
const deps = () => ({ db: t.db, mediaRoot, uploadRoot });

describe("the job queue's lease", () => {
  it("gives a job to one claimant; after its lease lapses another takes it and the first can no longer write", async () => {
    const { segment } = await createSegmentWithoutMedia(t.db);
    const job = await upload(segment.id, goodVideo);
    const now = new Date();

    const first = await claimNextJob(t.db, { now });
    expect(first).toMatchObject({ id: job.id, attempts: 1 });
    expect(await claimNextJob(t.db, { now })).toBeNull();
    expect(await claimNextJob(t.db, { now: new Date(now.getTime() + JOB_LEASE_MS - 1) })).toBeNull();

    // The first worker died: nothing renewed its lease.
    const second = await claimNextJob(t.db, { now: new Date(now.getTime() + JOB_LEASE_MS + 1) });
    expect(second).toMatchObject({ id: job.id, attempts: 2 });
    expect(second!.leaseToken).not.toBe(first!.leaseToken);
    expect(await renewJobLease(t.db, first!)).toBe(false);
    expect(await recordJobProgress(t.db, first!, 0.5)).toBe(false);
    expect(await failJob(t.db, first!, "late")).toBe(false);
    expect(await recordJobProgress(t.db, second!, 0.25)).toBe(true);
    expect(await jobRow(job.id)).toMatchObject({ status: "running", progress: 0.25, error: null });

    // A renewed lease keeps the job from every other claimant.
    expect(await renewJobLease(t.db, second!, { now: new Date(now.getTime() + 2 * JOB_LEASE_MS) })).toBe(true);
    expect(await claimNextJob(t.db, { now: new Date(now.getTime() + 2 * JOB_LEASE_MS + JOB_LEASE_MS / 2) })).toBeNull();
    await failJob(t.db, second!, "done with this test");
  });

  it("gives up a job whose worker died MAX_JOB_ATTEMPTS times, saying so", async () => {
    const { segment } = await createSegmentWithoutMedia(t.db);
    const job = await upload(segment.id, goodVideo);
    let at = Date.now();
    for (let i = 0; i < MAX_JOB_ATTEMPTS; i++) {
      expect(await claimNextJob(t.db, { now: new Date(at) })).toMatchObject({ id: job.id, attempts: i + 1 });
      at += JOB_LEASE_MS + 1;
    }
    expect(await claimNextJob(t.db, { now: new Date(at) })).toBeNull();
    const row = await jobRow(job.id);
    expect(row.status).toBe("failed");
    expect(row.error).toBe(`The worker stopped ${MAX_JOB_ATTEMPTS} times while transcoding this file; not tried again (retry it to try once more).`);
    expect(await retryJob(t.db, job.id)).toEqual({ before: "failed", after: "queued" });
    expect(await jobRow(job.id)).toMatchObject({ status: "queued", attempts: 0, error: null });
    await t.db.transcodeJob.update({ where: { id: job.id }, data: { status: "cancelled" } });
  });

  it("cancels a segment's queued job when a newer upload for it arrives", async () => {
    const { segment } = await createSegmentWithoutMedia(t.db);
    const older = await upload(segment.id, goodVideo);
    const newer = await upload(segment.id, goodVideo);
    expect(await jobRow(older.id)).toMatchObject({ status: "cancelled", error: "Replaced by a newer upload." });
    expect(await jobRow(newer.id)).toMatchObject({ status: "queued" });
    await t.db.transcodeJob.update({ where: { id: newer.id }, data: { status: "cancelled" } });
  });
});

describe("running a transcode job", () => {
  it("encodes a real upload into a versioned folder, swaps the segment to it and serves it", async () => {
    const { course, segment } = await createSegmentWithoutMedia(t.db);
    const job = await upload(segment.id, goodVideo, "lecture one.mp4");
    const claimed = await claimNextJob(t.db);
    expect(claimed?.id).toBe(job.id);
    expect(await runTranscodeJob(claimed!, deps())).toBe("succeeded");

    const row = await jobRow(job.id);
    expect(row).toMatchObject({ status: "succeeded", progress: 1, error: null, leaseToken: null });
    const assets = await t.db.mediaAsset.findMany({ where: { segmentId: segment.id } });
    expect(assets.map((a) => a.kind)).toEqual(expect.arrayContaining(["hls-master", "hls-variant", "mp4", "poster", "download"]));
    for (const a of assets) {
      expect(a.path.startsWith(`${course.slug}/${segment.slug}/v-${job.id}/`)).toBe(true);
      expect(fs.existsSync(path.join(mediaRoot, a.path))).toBe(true);
    }
    const seg = await t.db.segment.findUniqueOrThrow({ where: { id: segment.id } });
    expect(seg.durationSeconds).toBeGreaterThan(1.5);
    expect(seg.durationSeconds).toBeLessThan(2.5);
    // The upload is gone once its media is live; nothing is left in staging.
    expect(fs.readdirSync(uploadRoot).filter((f) => f.startsWith(claimed!.sourcePath))).toEqual([]);
    expect(fs.readdirSync(path.join(mediaRoot, ".jobs"))).toEqual([]);

    // The media route serves the versioned files through the URLs playback hands out.
    const found = await findSegment(t.db, course.slug, segment.slug);
    const now = Math.floor(Date.now() / 1000);
    const playback = segmentMediaUrls(found!, null, { secret: "s".repeat(32), ttlSeconds: 600, nowSeconds: now });
    expect(playback.hls).toMatch(new RegExp(`/v-${job.id}/master\\.m3u8$`));
    const serve = async (url: string) => {
      const [, , c, s, token, ...file] = url.split("/");
      return serveMediaRequest({ mediaRoot, secret: "s".repeat(32), nowSeconds: () => now }, new Request(`http://x${url}`), {
        course: c!, segment: s!, token: token!, file,
      });
    };
    const master = await serve(playback.hls);
    expect(master.status).toBe(200);
    const variant = (await master.text()).split("\n").find((l) => l.endsWith(".m3u8"))!;
    const variantUrl = playback.hls.replace(/master\.m3u8$/, variant);
    const playlist = await serve(variantUrl);
    expect(playlist.status).toBe(200);
    const firstSegment = (await playlist.text()).split("\n").find((l) => l.endsWith(".ts"))!;
    const ts = await serve(variantUrl.replace(/index\.m3u8$/, firstSegment));
    expect(ts.status).toBe(200);
    expect((await ts.arrayBuffer()).byteLength).toBeGreaterThan(1000);

    // A second upload replaces it: new version live, old version folder deleted, uploaded captions kept.
    const captions = `${course.slug}/${segment.slug}/captions/en-1.vtt`;
    fs.mkdirSync(path.join(mediaRoot, path.dirname(captions)), { recursive: true });
    fs.writeFileSync(path.join(mediaRoot, captions), "WEBVTT\n");
    await t.db.mediaAsset.create({
      data: { id: `ast_cap_${job.id}`, segmentId: segment.id, kind: "captions", label: "en", path: captions, mimeType: "text/vtt", language: "en" },
    });
    const second = await upload(segment.id, goodVideo, "lecture one (take 2).mp4");
    expect(await runTranscodeJob((await claimNextJob(t.db))!, deps())).toBe("succeeded");
    const after = await t.db.mediaAsset.findMany({ where: { segmentId: segment.id }, select: { path: true, kind: true } });
    expect(after.filter((a) => a.kind !== "captions").every((a) => a.path.includes(`/v-${second.id}/`))).toBe(true);
    expect(after.find((a) => a.kind === "captions")?.path).toBe(captions);
    expect(fs.existsSync(path.join(mediaRoot, course.slug, segment.slug, `v-${job.id}`))).toBe(false);
    expect(fs.existsSync(path.join(mediaRoot, course.slug, segment.slug, `v-${second.id}`, "master.m3u8"))).toBe(true);
  });

  it("fails a truncated upload with ffmpeg's one-line reason, keeps the segment's media, and retries on demand", async () => {
    const { segment } = await createSegmentWithoutMedia(t.db);
    const job = await upload(segment.id, truncateTo(goodVideo, path.join(root, "cut.mp4")), "cut short.mp4");
    const claimed = await claimNextJob(t.db);
    expect(claimed?.id).toBe(job.id);
    expect(await runTranscodeJob(claimed!, deps())).toBe("failed");

    const row = await jobRow(job.id);
    expect(row.status).toBe("failed");
    expect(row.error).toMatch(/^cut short\.mp4: .*moov atom not found/);
    expect(row.error).not.toContain("\n");
    expect(row.error).not.toContain(uploadRoot);
    expect(await t.db.mediaAsset.count({ where: { segmentId: segment.id } })).toBe(0);
    // The upload stays for a retry; nothing is left in staging.
    expect(fs.existsSync(path.join(uploadRoot, claimed!.sourcePath))).toBe(true);
    expect(fs.readdirSync(path.join(mediaRoot, ".jobs"))).toEqual([]);

    await retryJob(t.db, job.id);
    await expect(retryJob(t.db, job.id)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await jobRow(job.id)).toMatchObject({ status: "queued", error: null });
    // The same file fails the same way on its retry.
    expect(await runTranscodeJob((await claimNextJob(t.db))!, deps())).toBe("failed");
    expect((await jobRow(job.id)).attempts).toBe(1);
  });
});

describe("the worker", () => {
  it("works queued jobs and, told to stop mid-encode, hands the job back and leaves no ffmpeg running", async () => {
    const { segment } = await createSegmentWithoutMedia(t.db);
    const quick = await upload(segment.id, goodVideo);
    const outcomes: string[] = [];
    let worker = startWorker({ ...deps(), idlePollMs: 50, log: () => {}, onJobDone: (id, o) => outcomes.push(`${id}:${o}`) });
    await expect.poll(() => outcomes, { timeout: 60_000, interval: 100 }).toEqual([`${quick.id}:succeeded`]);

    const long = await upload(segment.id, makeTestVideo(path.join(root, "long.mp4"), { seconds: 40, width: 640, height: 360 }));
    await expect.poll(async () => (await jobRow(long.id)).progress, { timeout: 60_000, interval: 100 }).toBeGreaterThan(0);
    await worker.stop();
    expect(await jobRow(long.id)).toMatchObject({ status: "queued", attempts: 0, leaseToken: null, progress: 0 });
    expect(mediaChildren()).toEqual([]);
    expect(outcomes).toEqual([`${quick.id}:succeeded`, `${long.id}:released`]);

    // A new worker (the restarted process) takes it up and finishes it.
    worker = startWorker({ ...deps(), idlePollMs: 50, log: () => {}, onJobDone: (id, o) => outcomes.push(`${id}:${o}`) });
    await expect.poll(() => outcomes.length, { timeout: 120_000, interval: 200 }).toBe(3);
    await worker.stop();
    expect(outcomes[2]).toBe(`${long.id}:succeeded`);
    expect(await jobRow(long.id)).toMatchObject({ status: "succeeded", attempts: 1 });
  }, 240_000);
});
