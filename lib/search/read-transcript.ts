import fs from "node:fs";
import { resolveInside } from "../media/resolve-inside";
import { parseWebVtt, type TVttCue } from "../player/parse-webvtt";

const cache = new Map<string, { mtimeMs: number; size: number; cues: TVttCue[] }>();

/**
 * A segment's caption cues read from MEDIA_ROOT (the captions asset's path), parsed once and
 * cached until the file changes. Re-importing media changes the file, so nothing goes stale.
 * Missing or unreadable files are an empty transcript: search must not fail on one segment.
 */
export function readTranscript(mediaRoot: string, relativePath: string): TVttCue[] {
  const file = resolveInside(mediaRoot, relativePath);
  if (!file) return [];
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return [];
  }
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.cues;
  let cues: TVttCue[] = [];
  try {
    cues = parseWebVtt(fs.readFileSync(file, "utf8"));
  } catch {
    cues = [];
  }
  cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, cues });
  return cues;
}
