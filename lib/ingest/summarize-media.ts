import type { TCourseMediaFacts } from "./ensure-courses-media";

/** Totals for a terminal summary: segments, seconds of video, bytes on disk (all assets). */
export function summarizeMedia(facts: TCourseMediaFacts): { segments: number; durationSeconds: number; bytes: number } {
  let segments = 0;
  let durationSeconds = 0;
  let bytes = 0;
  for (const course of facts.values()) {
    for (const media of course.values()) {
      segments++;
      durationSeconds += media.durationSeconds;
      // The master playlist's bytes are its own; variants include their segments.
      bytes += media.assets.reduce((sum, asset) => sum + asset.bytes, 0);
    }
  }
  return { segments, durationSeconds, bytes };
}
