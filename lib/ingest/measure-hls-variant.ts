import fs from "node:fs";
import path from "node:path";

export type THlsVariantMeasure = {
  segmentCount: number;
  /** Playlist plus all its segments. */
  bytes: number;
  durationSeconds: number;
  peakBandwidth: number;
  averageBandwidth: number;
};

/** Reads a media playlist and its segment files: sizes and bit rates as a player sees them. */
export function measureHlsVariant(playlistFile: string): THlsVariantMeasure {
  const text = fs.readFileSync(playlistFile, "utf8");
  const dir = path.dirname(playlistFile);
  let bytes = fs.statSync(playlistFile).size;
  let totalSegmentBytes = 0;
  let durationSeconds = 0;
  let peakBandwidth = 0;
  let segmentCount = 0;
  let pendingDuration: number | undefined;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    const extinf = /^#EXTINF:([\d.]+)/.exec(line);
    if (extinf) pendingDuration = Number(extinf[1]);
    else if (line && !line.startsWith("#") && pendingDuration !== undefined) {
      const size = fs.statSync(path.join(dir, line)).size;
      bytes += size;
      totalSegmentBytes += size;
      durationSeconds += pendingDuration;
      if (pendingDuration > 0) peakBandwidth = Math.max(peakBandwidth, (size * 8) / pendingDuration);
      segmentCount++;
      pendingDuration = undefined;
    }
  }
  if (segmentCount === 0) throw new Error(`${playlistFile} lists no segments`);
  return {
    segmentCount,
    bytes,
    durationSeconds,
    peakBandwidth: Math.ceil(peakBandwidth),
    averageBandwidth: Math.ceil((totalSegmentBytes * 8) / durationSeconds),
  };
}
