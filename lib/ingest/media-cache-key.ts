import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { TCourseManifest, TManifestSegment } from "./course-manifest";
import { findSourceCaptions } from "./find-source-captions";
import * as settings from "./media-settings";
import {
  HLS_SEGMENT_SECONDS, KEYFRAME_SECONDS, LADDER_SHORT_SIDES, LOUDNESS, SMALL_VIDEO_CAP_KBPS, VIDEO_CAP_KBPS, X264_BY_SPEED, type TEncodeSpeed,
} from "./plan-ladder";

async function hashFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Samples render fast; authors' recordings get the quality preset unless told otherwise. */
export function defaultSpeed(segment: TManifestSegment): TEncodeSpeed {
  return segment.source ? "quality" : "fast";
}

/**
 * Everything that determines a segment's media bytes: the generator version, settings and
 * ladder parameters, the encode speed, plus the sample's text/length/chapters or the source
 * file's and every captions file's content hash. Same key → the media on disk is current and
 * is not regenerated.
 */
export async function mediaCacheKey(
  course: TCourseManifest,
  segment: TManifestSegment,
  speed: TEncodeSpeed = defaultSpeed(segment),
): Promise<string> {
  const { DEFAULT_CONCURRENCY: _c, FFMPEG_THREADS_PER_JOB: _t, ...outputSettings } = settings;
  const ladder = { LADDER_SHORT_SIDES, VIDEO_CAP_KBPS, SMALL_VIDEO_CAP_KBPS, KEYFRAME_SECONDS, HLS_SEGMENT_SECONDS, LOUDNESS, x264: X264_BY_SPEED[speed] };
  let input: unknown;
  if (segment.source) {
    const file = path.resolve(course.directory, segment.source);
    const captions: Record<string, string> = {};
    for (const found of findSourceCaptions(file)) captions[found.language] = await hashFile(found.file);
    input = { source: await hashFile(file), captions, chapters: segment.chapters };
  } else {
    input = {
      courseTitle: course.title,
      title: segment.title,
      subtitle: segment.subtitle,
      seconds: segment.sampleSeconds,
      chapters: segment.chapters,
    };
  }
  const digest = createHash("sha256").update(JSON.stringify({ outputSettings, ladder, input })).digest("hex");
  return `sha256:${digest}`;
}
