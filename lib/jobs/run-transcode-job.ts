import fs from "node:fs";
import path from "node:path";
import type { Db } from "../db";
import { ensureSegmentMedia } from "../ingest/ensure-segment-media";
import { stopRunningFfmpeg } from "../ingest/run-ffmpeg";
import { resolveInside } from "../media/resolve-inside";
import { describeJobFailure } from "./describe-job-failure";
import { failJob, LEASE_RENEW_MS, recordJobProgress, releaseJob, renewJobLease, type TClaimedJob } from "./job-lease";
import { shouldWriteProgress } from "./progress-throttle";
import { loadJobManifest } from "./segment-manifest";
import { LeaseLostError, deleteReplacedMedia, swapSegmentMedia } from "./swap-segment-media";

export type TRunJobDeps = {
  db: Db;
  mediaRoot: string;
  uploadRoot: string;
  /** Aborted when the worker is told to stop: the job is handed back, not failed. */
  signal?: AbortSignal;
  leaseRenewMs?: number;
  log?: (line: string) => void;
};

export type TJobOutcome = "succeeded" | "failed" | "released" | "lost";

/** Staged encodes live here until they are complete (hidden: never a course slug, never served). */
export const STAGING_DIR = ".jobs";

/**
 * Works one claimed job: encodes the uploaded source with the ingest pipeline into a staging
 * folder, moves the finished media to `<course>/<segment>/v-<job id>/` beside the old media,
 * swaps the segment's asset rows in one transaction with the job's success, then deletes the
 * old files and the upload. The lease is renewed while ffmpeg runs; progress goes to the
 * database, throttled. A failure stores ffmpeg's one-line reason; a stop hands the job back.
 */
export async function runTranscodeJob(job: TClaimedJob, deps: TRunJobDeps): Promise<TJobOutcome> {
  const { db, mediaRoot, uploadRoot } = deps;
  const log = deps.log ?? (() => {});
  const lease = { id: job.id, leaseToken: job.leaseToken };
  const source = resolveInside(uploadRoot, ...job.sourcePath.split("/"));
  const staging = path.join(mediaRoot, STAGING_DIR, job.id);
  const version = `v-${job.id}`;

  let lost = false;
  const renew = setInterval(() => {
    void renewJobLease(db, lease).then(
      (ours) => {
        if (!ours && !lost) {
          lost = true;
          log(`job ${job.id}: lease lost, stopping the encode`);
          stopRunningFfmpeg();
        }
      },
      (error) => log(`job ${job.id}: lease renewal failed (${(error as Error).message}); trying again`),
    );
  }, deps.leaseRenewMs ?? LEASE_RENEW_MS);
  const onAbort = () => stopRunningFfmpeg();
  deps.signal?.addEventListener("abort", onAbort);

  let lastWrite: { at: number; progress: number } | undefined;
  let writing = Promise.resolve();
  const onProgress = (fraction: number) => {
    const next = { at: Date.now(), progress: Math.round(fraction * 0.95 * 1000) / 1000 };
    if (!shouldWriteProgress(lastWrite, next)) return;
    lastWrite = next;
    writing = writing.then(() => recordJobProgress(db, lease, next.progress).then(() => undefined, () => undefined));
  };

  try {
    if (!source || !fs.existsSync(source)) throw new Error(`the uploaded file is missing (${job.sourcePath})`);
    const { course, segment } = await loadJobManifest(db, job.segmentId, source);
    fs.rmSync(staging, { recursive: true, force: true });
    const { facts } = await ensureSegmentMedia({ course, segment, mediaRoot: staging, force: true, onProgress });
    if (deps.signal?.aborted) throw deps.signal.reason ?? new Error("stopped");
    if (lost) throw new LeaseLostError();
    await writing;

    const finalDir = resolveInside(mediaRoot, course.slug, segment.slug, version);
    if (!finalDir) throw new Error(`cannot place media for ${course.slug}/${segment.slug}`);
    fs.rmSync(finalDir, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(finalDir), { recursive: true });
    fs.renameSync(path.join(staging, course.slug, segment.slug), finalDir);

    let replacedPaths: string[];
    try {
      ({ replacedPaths } = await swapSegmentMedia(db, {
        lease,
        segmentId: job.segmentId,
        courseSlug: course.slug,
        segmentSlug: segment.slug,
        version,
        facts,
      }));
    } catch (error) {
      fs.rmSync(finalDir, { recursive: true, force: true }); // never referenced: the swap rolled back
      throw error;
    }
    deleteReplacedMedia(mediaRoot, course.slug, segment.slug, replacedPaths);
    fs.rmSync(source, { force: true });
    fs.rmSync(`${source}.json`, { force: true }); // tus's metadata file beside the upload
    log(`job ${job.id}: ${course.slug}/${segment.slug} now plays ${job.sourceName} (${facts.durationSeconds.toFixed(1)} s)`);
    return "succeeded";
  } catch (error) {
    await writing;
    if (deps.signal?.aborted) {
      await releaseJob(db, lease);
      log(`job ${job.id}: stopped, handed back to the queue`);
      return "released";
    }
    if (lost || error instanceof LeaseLostError) {
      log(`job ${job.id}: lease lost to another worker; result dropped`);
      return "lost";
    }
    const reason = describeJobFailure(error, { absolutePath: source ?? job.sourcePath, name: job.sourceName || job.sourcePath });
    await failJob(db, lease, reason);
    log(`job ${job.id}: failed: ${reason}`);
    return "failed";
  } finally {
    clearInterval(renew);
    deps.signal?.removeEventListener("abort", onAbort);
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
