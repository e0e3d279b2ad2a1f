// Fixtures for the job queue and upload tests: a course with one segment, and real small videos.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "../../db";

const short = () => crypto.randomBytes(4).toString("hex");

/** A course with one part holding one segment (no media yet), as /admin would create them. */
export async function createSegmentWithoutMedia(db: Db, overrides: { courseSlug?: string; segmentSlug?: string } = {}) {
  const courseSlug = overrides.courseSlug ?? `course-${short()}`;
  const segmentSlug = overrides.segmentSlug ?? `segment-${short()}`;
  const course = await db.course.create({
    data: {
      id: `crs_${courseSlug}`,
      slug: courseSlug,
      title: `Course ${courseSlug}`,
      priceCents: 0,
      authors: { create: { id: `aut_${courseSlug}`, position: 1, name: "Ada Lovelace" } },
    },
    select: { id: true, slug: true },
  });
  const part = await db.part.create({ data: { id: `prt_${courseSlug}`, courseId: course.id, position: 1, title: "Part one" }, select: { id: true } });
  const segment = await db.segment.create({
    data: { id: `seg_${courseSlug}_${segmentSlug}`, courseId: course.id, partId: part.id, position: 1, slug: segmentSlug, title: "An uploaded lecture" },
    select: { id: true, slug: true },
  });
  return { course, part, segment };
}

/**
 * A real recording: `seconds` of ffmpeg's test pattern with a tone, H.264 + AAC in MP4, small
 * and fast (ultrafast preset), with the index at the end of the file as cameras write it.
 */
export function makeTestVideo(file: string, options: { seconds?: number; width?: number; height?: number } = {}): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const seconds = options.seconds ?? 2;
  execFileSync("ffmpeg", [
    "-v", "error", "-y",
    "-f", "lavfi", "-i", `testsrc2=size=${options.width ?? 320}x${options.height ?? 240}:rate=30:duration=${seconds}`,
    "-f", "lavfi", "-i", `sine=frequency=440:duration=${seconds}`,
    "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", file,
  ]);
  return file;
}

/** The first `bytes` of a recording: an upload cut short (no moov atom: ffmpeg cannot read it). */
export function truncateTo(from: string, file: string, bytes = 20_000): string {
  fs.writeFileSync(file, fs.readFileSync(from).subarray(0, bytes));
  return file;
}
