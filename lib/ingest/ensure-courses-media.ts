import type { TCourseManifest, TManifestSegment } from "./course-manifest";
import { requireMediaTools } from "./require-media-tools";
import { ensureSegmentMedia } from "./ensure-segment-media";
import { CaptionsError, SourceError } from "./inspect-source";
import type { TMediaFacts } from "./media-facts";
import type { TEncodeSpeed } from "./plan-ladder";
import { DEFAULT_CONCURRENCY } from "./media-settings";
import { createProgressReporter } from "./progress-reporter";

/** course slug → segment slug → media.json facts */
export type TCourseMediaFacts = Map<string, Map<string, TMediaFacts>>;

export type TEnsureCoursesMediaSummary = {
  facts: TCourseMediaFacts;
  generated: number;
  cached: number;
  elapsedMs: number;
  /**
   * Segments whose source or captions cannot be used (SourceError/CaptionsError), one line per
   * problem: the others were still rendered; these have no entry in `facts`.
   */
  failures: { id: string; message: string }[];
};

/**
 * Ensures media for every segment of every course, `concurrency` ffmpeg jobs at a time,
 * with terminal progress. Longest samples start first so the two workers finish together.
 * A bad source (or its captions) fails only its own segment and is listed in `failures`; any
 * other error stops scheduling and is thrown once running jobs have settled.
 */
export async function ensureCoursesMedia(
  courses: TCourseManifest[],
  options: {
    mediaRoot: string;
    force?: boolean;
    concurrency?: number;
    /** Overrides the default (quality for sources, fast for samples), e.g. "fast" in tests. */
    speed?: TEncodeSpeed;
    stream?: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  },
): Promise<TEnsureCoursesMediaSummary> {
  const started = Date.now();
  const jobs: { id: string; course: TCourseManifest; segment: TManifestSegment }[] = courses.flatMap((course) =>
    course.parts.flatMap((part) =>
      part.segments.map((segment) => ({ id: `${course.slug}/${segment.slug}`, course, segment })),
    ),
  );
  const queue = [...jobs].sort((a, b) => b.segment.sampleSeconds - a.segment.sampleSeconds);
  const reporter = createProgressReporter({
    jobs: jobs.map((j) => ({ id: j.id, weight: j.segment.source ? 30 : j.segment.sampleSeconds })),
    stream: options.stream,
  });
  const facts: TCourseMediaFacts = new Map(courses.map((c) => [c.slug, new Map()]));
  let generated = 0;
  let cached = 0;
  let failure: Error | undefined;
  const failures: { id: string; message: string }[] = [];
  let ffmpegCheck: { error?: unknown } | undefined;
  const beforeGenerate = () => {
    if (!ffmpegCheck) {
      ffmpegCheck = {};
      try {
        requireMediaTools();
      } catch (error) {
        ffmpegCheck.error = error;
      }
    }
    if (ffmpegCheck.error) throw ffmpegCheck.error;
  };

  const worker = async () => {
    for (let job = queue.shift(); job && !failure; job = queue.shift()) {
      const jobStarted = Date.now();
      reporter.start(job.id);
      try {
        const result = await ensureSegmentMedia({
          course: job.course,
          segment: job.segment,
          mediaRoot: options.mediaRoot,
          force: options.force,
          speed: options.speed,
          beforeGenerate,
          onProgress: (f) => reporter.update(job!.id, f),
        });
        facts.get(job.course.slug)!.set(job.segment.slug, result.facts);
        if (result.status === "cached") cached++;
        else generated++;
        const detail = `${result.facts.durationSeconds.toFixed(1)} s of video` +
          (result.status === "generated" ? `, ${((Date.now() - jobStarted) / 1000).toFixed(1)} s to render` : "");
        reporter.finish(job.id, result.status, detail);
      } catch (error) {
        if (error instanceof SourceError || error instanceof CaptionsError) {
          failures.push({ id: job.id, message: error.message });
          reporter.finish(job.id, "failed", error.message.split("\n")[0]);
        } else {
          failure ??= error as Error;
          reporter.finish(job.id, "failed");
        }
      }
    }
  };
  try {
    const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
    await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  } finally {
    reporter.close();
  }
  if (failure) throw failure;
  return { facts, generated, cached, elapsedMs: Date.now() - started, failures };
}
