// The whole-course ZIP (docs/decisions/006), streamed in process the way the download route
// streams it: MB/s and peak RSS for the sample course and for a course ten times its size.
// The big course is real rows in the bench database (never data/lectern.db): the sample's
// parts, segments and media assets copied ten times under another slug, its assets pointing at
// the sample's files (same bytes, read ten times). Reference: the same files read raw, in the
// same order, in the same process — what the page cache gives without the ZIP (both warm).
import fs from "node:fs";
import path from "node:path";
import { createDb, type Db } from "../lib/db";
import { planCourseZip, streamCourseZip, type TCourseZip } from "../lib/downloads/course-zip";
import { ensureDownloadCrcs } from "../lib/downloads/ensure-download-crcs";
import { loadCourseDownloads, type TCourseDownloads } from "../lib/downloads/load-course-downloads";
import { stableId } from "../lib/ingest/stable-id";
import type { TRowInput } from "./report";

const COPIES = 10;

export async function benchCourseZip(options: { databaseUrl: string; course: string }, add: (row: TRowInput) => void): Promise<void> {
  const mediaRoot = path.resolve(process.env.MEDIA_ROOT ?? "./media");
  const db = createDb(options.databaseUrl);
  try {
    const bigSlug = await ensureTenfoldCourse(db, options.course, COPIES);
    // Both the ZIP and the raw read run from the page cache: read the files once, not counted.
    const sample = await loadCourseDownloads(db, mediaRoot, options.course);
    if (sample) await timeRawRead(sample);
    for (const [label, slug] of [["sample course", options.course], [`${COPIES}× course`, bigSlug]] as const) {
      const loaded = await loadCourseDownloads(db, mediaRoot, slug);
      if (!loaded) throw new Error(`course ${slug} is not in the bench database`);
      const downloads = await ensureDownloadCrcs(db, loaded);
      const zip = planCourseZip(downloads);
      const raw = await timeRawRead(downloads);
      const full = await timeZip(zip);
      const mb = zip.representation.size / 1e6;
      add({
        figure: `course ZIP, ${label} (${mb.toFixed(0)} MB, ${zip.entries.length} files)`,
        unit: "MB/s",
        better: "higher",
        lectern: mb / full.seconds,
        referenceName: "the same files read raw",
        reference: raw.bytes / 1e6 / raw.seconds,
      });
      add({
        figure: `course ZIP peak RSS of the process, ${label}`,
        unit: "MiB",
        better: "lower",
        lectern: full.peakMiB,
        referenceName: "RSS just before the ZIP",
        reference: full.baseMiB,
        goal: "≈ 1×, flat as the course grows",
        note: `raw read of the same files peaked at ${raw.peakMiB.toFixed(0)} MiB`,
      });
    }
  } finally {
    await db.$disconnect();
  }
}

/** Copies the course's published parts (with segments and assets) COPIES times under `<slug>-x10`; idempotent. */
async function ensureTenfoldCourse(db: Db, slug: string, copies: number): Promise<string> {
  const bigSlug = `${slug}-x${copies}`;
  const course = await db.course.findUnique({
    where: { slug },
    include: { parts: { where: { position: { gt: 0 } }, orderBy: { position: "asc" }, include: { segments: { where: { archivedAt: null }, include: { assets: true } } } } },
  });
  if (!course) throw new Error(`course ${slug} is not in the bench database (was it seeded?)`);
  await db.course.deleteMany({ where: { slug: bigSlug } });
  const { id: _id, createdAt: _c, updatedAt: _u, parts, ...fields } = course;
  const bigId = stableId("course", bigSlug);
  await db.course.create({ data: { ...fields, id: bigId, slug: bigSlug, published: false, catalogPosition: 9999, title: `${course.title} (×${copies}, bench)` } });
  let position = 0;
  for (let copy = 1; copy <= copies; copy++) {
    for (const part of parts) {
      position += 1;
      const partId = stableId("part", `${bigSlug}/${position}`);
      await db.part.create({ data: { id: partId, courseId: bigId, position, title: `${part.title} (copy ${copy})`, summary: part.summary } });
      for (const s of part.segments) {
        const segSlug = `${s.slug}-${copy}`;
        const segId = stableId("segment", `${bigSlug}/${segSlug}`);
        await db.segment.create({
          data: { id: segId, courseId: bigId, partId, position: s.position, slug: segSlug, title: s.title, subtitle: s.subtitle, durationSeconds: s.durationSeconds },
        });
        await db.mediaAsset.createMany({
          data: s.assets.map(({ id: _a, segmentId: _s, ...a }) => ({ ...a, id: stableId("asset", `${bigSlug}/${segSlug}/${a.kind}/${a.label}`), segmentId: segId })),
        });
      }
    }
  }
  return bigSlug;
}

function files(d: TCourseDownloads): string[] {
  return d.parts.flatMap((p) => p.segments.flatMap((s) => [...(s.mp4 ? [s.mp4.file] : []), ...s.captions.map((c) => c.file)]));
}

function rssSampler() {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return {
    touch: () => (peak = Math.max(peak, process.memoryUsage().rss)),
    base: base / 2 ** 20,
    stop: () => (clearInterval(timer), peak / 2 ** 20),
  };
}

async function timeRawRead(d: TCourseDownloads): Promise<{ seconds: number; bytes: number; peakMiB: number }> {
  const rss = rssSampler();
  const started = performance.now();
  let bytes = 0;
  for (const file of files(d)) {
    for await (const chunk of fs.createReadStream(file, { highWaterMark: 256 * 1024 })) {
      bytes += (chunk as Buffer).byteLength;
      rss.touch();
    }
  }
  return { seconds: (performance.now() - started) / 1000, bytes, peakMiB: rss.stop() };
}

async function timeZip(zip: TCourseZip): Promise<{ seconds: number; peakMiB: number; baseMiB: number }> {
  const rss = rssSampler();
  const started = performance.now();
  let bytes = 0;
  const reader = streamCourseZip(zip, 0).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    rss.touch();
  }
  const peakMiB = rss.stop();
  if (bytes !== zip.representation.size) throw new Error(`zip stream gave ${bytes} bytes, expected ${zip.representation.size}`);
  return { seconds: (performance.now() - started) / 1000, peakMiB, baseMiB: rss.base };
}
