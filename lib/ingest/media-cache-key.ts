import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { TCourseManifest, TManifestSegment } from "./course-manifest";
import * as settings from "./media-settings";

async function hashFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Captions shipped with a real recording: `talk.mp4` → `talk.en.vtt` beside it. */
export function sourceCaptionsFile(sourceFile: string): string {
  return path.join(path.dirname(sourceFile), `${path.basename(sourceFile, path.extname(sourceFile))}.en.vtt`);
}

/**
 * Everything that determines a segment's media bytes: the generator version and settings,
 * plus the sample's text/length/chapters or the source file's content hash. Same key →
 * the media on disk is current and is not regenerated.
 */
export async function mediaCacheKey(course: TCourseManifest, segment: TManifestSegment): Promise<string> {
  const { DEFAULT_CONCURRENCY: _c, FFMPEG_THREADS_PER_JOB: _t, ...outputSettings } = settings;
  let input: unknown;
  if (segment.source) {
    const file = path.resolve(course.directory, segment.source);
    const captions = sourceCaptionsFile(file);
    input = {
      source: await hashFile(file),
      captions: fs.existsSync(captions) ? await hashFile(captions) : null,
      chapters: segment.chapters,
    };
  } else {
    input = {
      courseTitle: course.title,
      title: segment.title,
      subtitle: segment.subtitle,
      seconds: segment.sampleSeconds,
      chapters: segment.chapters,
    };
  }
  const digest = createHash("sha256").update(JSON.stringify({ outputSettings, input })).digest("hex");
  return `sha256:${digest}`;
}
