import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * `media.json`, written beside each segment's media by ensure-segment-media.ts: what ffprobe
 * measured and what files exist, so the importer never guesses a duration or a size.
 * Asset paths are relative to the segment's directory (`<course>/<segment>/`), forward slashes.
 */
export const ZMediaAssetKind = z.enum(["hls-master", "hls-variant", "mp4", "poster", "captions", "chapters", "download", "thumbnails"]);

export const ZMediaAssetFact = z.object({
  kind: ZMediaAssetKind,
  /** "default", "360p", "720p", "en" — unique per kind within a segment. */
  label: z.string(),
  path: z.string().refine((p) => !p.startsWith("/") && !p.split("/").includes(".."), {
    message: "must be relative, without ..",
  }),
  mimeType: z.string(),
  /** For an HLS variant: its playlist plus all of its segments. */
  bytes: z.number().int().nonnegative(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  /** bits/s: peak segment bit rate for HLS variants and the master (highest variant); container bit rate for the MP4. */
  bandwidth: z.number().int().positive().optional(),
  averageBandwidth: z.number().int().positive().optional(),
  codecs: z.string().optional(),
  language: z.string().optional(),
});
export type TMediaAssetFact = z.infer<typeof ZMediaAssetFact>;

export const ZMediaFacts = z.object({
  schemaVersion: z.literal(1),
  cacheKey: z.string(),
  generator: z.string(),
  origin: z.enum(["generated", "source"]),
  course: z.string(),
  segment: z.string(),
  /** ffprobe format duration of video.mp4, seconds. */
  durationSeconds: z.number().positive(),
  generatedAt: z.string(),
  assets: z.array(ZMediaAssetFact),
});
export type TMediaFacts = z.infer<typeof ZMediaFacts>;

export const MEDIA_FACTS_FILE = "media.json";

/** The segment's media.json, or null when it is missing, unreadable or of another shape. */
export function readMediaFacts(segmentDir: string): TMediaFacts | null {
  try {
    const raw = JSON.parse(fs.readFileSync(path.join(segmentDir, MEDIA_FACTS_FILE), "utf8"));
    const parsed = ZMediaFacts.safeParse(raw);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
