/**
 * npm run media [-- --course <slug>]... [--force] [--concurrency N]
 *
 * Renders each segment's sample (or transcodes its `source`) into MEDIA_ROOT as an HLS
 * ladder + MP4 + poster + captions + media.json. Unchanged segments are skipped ("cached").
 * See docs/decisions/002-sample-media-pipeline.md.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadEnv } from "../lib/env";
import { ensureCoursesMedia } from "../lib/ingest/ensure-courses-media";
import { findCourseManifests } from "../lib/ingest/find-course-manifests";
import { loadCourseManifest, ManifestError } from "../lib/ingest/load-course-manifest";
import { summarizeMedia } from "../lib/ingest/summarize-media";

const USAGE = `Usage: npm run media -- [--course <slug>]... [--force] [--concurrency <n>]
  --course <slug>     only this course (repeatable); default: every course in CONTENT_ROOT
  --force             regenerate even when media.json says the media is current
  --concurrency <n>   ffmpeg jobs at once (default 2)`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      course: { type: "string", multiple: true },
      force: { type: "boolean", default: false },
      concurrency: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const env = loadEnv(process.env);
  let courses = findCourseManifests(env.CONTENT_ROOT).map(loadCourseManifest);
  if (values.course?.length) {
    const unknown = values.course.filter((slug) => !courses.some((c) => c.slug === slug));
    if (unknown.length) {
      throw new Error(`Unknown course ${unknown.join(", ")}; known: ${courses.map((c) => c.slug).join(", ")}`);
    }
    courses = courses.filter((c) => values.course!.includes(c.slug));
  }
  if (courses.length === 0) throw new Error(`No content/<course>/course.yaml found in ${env.CONTENT_ROOT}`);
  const concurrency = values.concurrency ? Number(values.concurrency) : undefined;
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency > 0)) {
    throw new Error("--concurrency must be a positive integer");
  }

  fs.mkdirSync(env.MEDIA_ROOT, { recursive: true });
  console.log(`Media for ${courses.map((c) => c.slug).join(", ")} → ${path.relative(process.cwd(), env.MEDIA_ROOT) || "."}`);
  const result = await ensureCoursesMedia(courses, {
    mediaRoot: env.MEDIA_ROOT,
    force: values.force,
    concurrency,
  });
  for (const f of result.failures) console.error(`  ${f.id}: ${f.message}`);
  if (result.failures.length) process.exitCode = 1;
  const summary = summarizeMedia(result.facts);
  console.log(
    `Done in ${(result.elapsedMs / 1000).toFixed(1)} s: ${result.generated} generated, ${result.cached} cached; ` +
      `${summary.segments} segments, ${summary.durationSeconds.toFixed(1)} s of video, ` +
      `${(summary.bytes / 1024 / 1024).toFixed(1)} MiB.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof ManifestError ? error.message : `generate-media: ${(error as Error).message}`);
  process.exit(1);
});
