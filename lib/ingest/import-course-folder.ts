import os from "node:os";
import path from "node:path";
import type { Db } from "../db";
import { storeCourseZipCrcs } from "../downloads/ensure-download-crcs";
import type { TCourseManifest, TManifestSegment } from "./course-manifest";
import { ensureSegmentMedia, segmentMediaDir } from "./ensure-segment-media";
import { ensureCourseImages } from "./ensure-course-images";
import { importCourse, type TImportCourseResult } from "./import-course";
import { defaultSpeed, mediaCacheKey } from "./media-cache-key";
import type { TEncodeSpeed } from "./plan-ladder";
import { readMediaFacts, type TMediaFacts } from "./media-facts";
import { DEFAULT_CONCURRENCY, FFMPEG_THREADS_PER_JOB } from "./media-settings";
import { createProgressReporter } from "./progress-reporter";
import { removeStaleWorkDirs } from "./remove-stale-work-dirs";
import { formatProblem, validateCourseFolder, type TImportProblem } from "./validate-course-folder";

/** The manifest or a source is wrong: nothing was encoded or written. */
export class ImportProblemsError extends Error {
  constructor(readonly problems: TImportProblem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? "" : "s"} found; nothing was encoded or imported:\n` +
        problems.map((p) => `  - ${formatProblem(p)}`).join("\n"),
    );
    this.name = "ImportProblemsError";
  }
}

/** Stopped by a signal: finished encodes are kept (a re-run reuses them), the database is untouched. */
export class ImportInterruptedError extends Error {
  constructor(readonly done: number) {
    super(`interrupted: ${done} segment${done === 1 ? "" : "s"} finished and kept; nothing written to the database. Run the same command again to resume.`);
    this.name = "ImportInterruptedError";
  }
}

/** Encodes at a time: two two-thread encodes fill two cores (ADR 002); one more per two cores, at most 4 (memory). */
export function defaultJobs(cpus = os.availableParallelism()): number {
  return Math.max(DEFAULT_CONCURRENCY, Math.min(4, Math.floor(cpus / FFMPEG_THREADS_PER_JOB)));
}

export type TImportFolderOptions = {
  db: Db;
  folder: string;
  mediaRoot: string;
  dryRun?: boolean;
  force?: boolean;
  jobs?: number;
  /** x264 speed for recordings; default: "quality" for recordings, "fast" for generated samples. */
  speed?: TEncodeSpeed;
  /** Where progress goes (a TTY gets bars); default stderr. */
  stream?: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Lines for people (plan, summary); default: written to `stream`. */
  log?: (line: string) => void;
  signal?: AbortSignal;
  now?: () => number;
};

export type TSegmentPlan = { id: string; segment: TManifestSegment; mediaSeconds: number; current: boolean };

export type TImportFolderResult = {
  course: string;
  dryRun: boolean;
  plan: TSegmentPlan[];
  encoded: number;
  cached: number;
  imported?: TImportCourseResult;
  timings: { validateMs: number; mediaMs: number; databaseMs: number; totalMs: number };
};

/**
 * `lectern import <folder>`: validate the manifest and every source (all problems at once),
 * encode what is not current (content-addressed: media.json's cache key) `jobs` at a time with
 * progress, then write the course in ONE transaction (import-course.ts) and its ZIP CRCs.
 * A signal stops scheduling and lets running encodes fail into their temporary folders (the
 * caller kills ffmpeg); finished segments stay and the next run reuses them.
 */
export async function importCourseFolder(options: TImportFolderOptions): Promise<TImportFolderResult> {
  const now = options.now ?? Date.now;
  const stream = options.stream ?? process.stderr;
  const log = options.log ?? ((line: string) => void stream.write(`${line}\n`));
  const jobs = options.jobs ?? defaultJobs();
  const t0 = now();

  const check = await validateCourseFolder(options.folder, { concurrency: jobs });
  if (!check.ok) throw new ImportProblemsError(check.problems);
  const { manifest, sources } = check;
  const validateMs = now() - t0;

  const segments = manifest.parts.flatMap((p) => p.segments);
  const mediaSecondsOf = (s: TManifestSegment) => (s.source ? (sources.get(s.source)?.durationSeconds ?? 30) : s.sampleSeconds);
  const plan: TSegmentPlan[] = [];
  if (options.dryRun) {
    for (const segment of segments) {
      const facts = readMediaFacts(segmentMediaDir(options.mediaRoot, manifest.slug, segment.slug));
      const current = !!facts && facts.cacheKey === (await mediaCacheKey(manifest, segment, options.speed ?? defaultSpeed(segment)));
      plan.push({ id: `${manifest.slug}/${segment.slug}`, segment, mediaSeconds: mediaSecondsOf(segment), current });
    }
    const stale = plan.filter((p) => !p.current);
    log(`${manifest.slug}: manifest and ${sources.size} source${sources.size === 1 ? "" : "s"} are valid (${(validateMs / 1000).toFixed(1)} s).`);
    for (const p of stale) log(`  would encode ${p.id}  ${p.mediaSeconds.toFixed(1)} s of media`);
    log(`Dry run: ${stale.length} of ${plan.length} segments would be encoded (${stale.reduce((s, p) => s + p.mediaSeconds, 0).toFixed(0)} s of media), ${plan.length - stale.length} are current. Nothing was changed.`);
    return { course: manifest.slug, dryRun: true, plan, encoded: 0, cached: 0, timings: { validateMs, mediaMs: 0, databaseMs: 0, totalMs: now() - t0 } };
  }

  const removed = removeStaleWorkDirs(path.join(options.mediaRoot, manifest.slug));
  if (removed.length) log(`Removed ${removed.length} unfinished encode${removed.length === 1 ? "" : "s"} left by an interrupted run.`);

  const t1 = now();
  const media = await encodeSegments(manifest, segments, { ...options, jobs, stream, mediaSecondsOf });
  const images = await ensureCourseImages(manifest, options.mediaRoot);
  const mediaMs = now() - t1;

  const t2 = now();
  const imported = await importCourse(options.db, manifest, media.facts, { images });
  // The course ZIP's layout needs each file's CRC-32: read here once (skipped for unchanged
  // files). Nothing encoded and nothing written: the last import stored them already.
  if (!(imported.unchanged && media.encoded === 0)) await storeCourseZipCrcs(options.db, options.mediaRoot, manifest.slug);
  const databaseMs = now() - t2;
  return {
    course: manifest.slug,
    dryRun: false,
    plan,
    encoded: media.encoded,
    cached: media.cached,
    imported,
    timings: { validateMs, mediaMs, databaseMs, totalMs: now() - t0 },
  };
}

async function encodeSegments(
  course: TCourseManifest,
  segments: TManifestSegment[],
  options: TImportFolderOptions & { jobs: number; stream: NonNullable<TImportFolderOptions["stream"]>; mediaSecondsOf: (s: TManifestSegment) => number },
): Promise<{ facts: Map<string, TMediaFacts>; encoded: number; cached: number }> {
  const id = (s: TManifestSegment) => `${course.slug}/${s.slug}`;
  // Longest first, so the last encodes to finish are short ones.
  const queue = [...segments].sort((a, b) => options.mediaSecondsOf(b) - options.mediaSecondsOf(a));
  const reporter = createProgressReporter({
    jobs: segments.map((s) => ({ id: id(s), weight: options.mediaSecondsOf(s) })),
    stream: options.stream,
    now: options.now,
  });
  const facts = new Map<string, TMediaFacts>();
  const failures: string[] = [];
  let encoded = 0;
  let cached = 0;
  const worker = async () => {
    for (let segment = queue.shift(); segment && !options.signal?.aborted; segment = queue.shift()) {
      const job = id(segment);
      reporter.start(job);
      try {
        const result = await ensureSegmentMedia({
          course,
          segment,
          mediaRoot: options.mediaRoot,
          force: options.force,
          speed: options.speed,
          onProgress: (f) => reporter.update(job, f),
        });
        facts.set(segment.slug, result.facts);
        if (result.status === "cached") cached++;
        else encoded++;
        reporter.finish(job, result.status, `${result.facts.durationSeconds.toFixed(1)} s of video`);
      } catch (error) {
        reporter.finish(job, "failed", options.signal?.aborted ? "interrupted" : firstLine(error));
        if (!options.signal?.aborted) failures.push(`${job}: ${firstLine(error)}`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.jobs, segments.length)) }, worker));
  } finally {
    reporter.close();
  }
  if (options.signal?.aborted) throw new ImportInterruptedError(encoded + cached);
  if (failures.length) {
    throw new Error(
      `${failures.length} segment${failures.length === 1 ? "" : "s"} failed to encode; the course was not written to the database ` +
        `(the ${encoded + cached} that succeeded are kept for the next run):\n${failures.map((f) => `  - ${f}`).join("\n")}`,
    );
  }
  return { facts, encoded, cached };
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split("\n")[0]!;
}
