import fs from "node:fs";
import path from "node:path";
import type { TMediaAssetFact } from "./media-facts";
import { runFfmpeg } from "./run-ffmpeg";
import { renderWebvtt } from "./webvtt-time";

/** Thumbnail size in the sprite for a 16:9 video (other shapes keep their aspect, long side 160), and the grid's width in tiles. */
export const THUMBNAIL_WIDTH = 160;
export const THUMBNAIL_HEIGHT = 90;
const THUMBNAIL_LONG_SIDE = 160;
const COLUMNS = 10;
/** At most this many thumbnails per segment: long recordings get a coarser interval. */
const MAX_THUMBNAILS = 100;
/**
 * The thumbnails asset's label: change it when the output changes, so cached media without
 * current thumbnails is regenerated (ensure-segment-media.ts checks for it).
 */
export const THUMBNAILS_LABEL = "160-v2";
export const THUMBNAILS_SPRITE = "thumbnails.jpg";
export const THUMBNAILS_VTT = "thumbnails.vtt";

export function thumbnailInterval(durationSeconds: number): number {
  return Math.max(1, Math.ceil(durationSeconds / MAX_THUMBNAILS));
}

/** The WebVTT that maps each interval of the video to its tile of the sprite (`#xywh=`). */
/** A tile's size for a video of `video` size: the aspect kept, the long side 160, even numbers. */
export function thumbnailSize(video: { width: number; height: number }): { width: number; height: number } {
  const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);
  return video.width >= video.height
    ? { width: THUMBNAIL_LONG_SIDE, height: even((THUMBNAIL_LONG_SIDE * video.height) / video.width) }
    : { width: even((THUMBNAIL_LONG_SIDE * video.width) / video.height), height: THUMBNAIL_LONG_SIDE };
}

export function renderThumbnailsVtt(
  durationSeconds: number,
  interval: number,
  sprite = THUMBNAILS_SPRITE,
  tile: { width: number; height: number } = { width: THUMBNAIL_WIDTH, height: THUMBNAIL_HEIGHT },
): string {
  const count = Math.max(1, Math.ceil(durationSeconds / interval));
  return renderWebvtt(
    Array.from({ length: count }, (_, i) => {
      const x = (i % COLUMNS) * tile.width;
      const y = Math.floor(i / COLUMNS) * tile.height;
      return {
        start: i * interval,
        end: Math.min((i + 1) * interval, durationSeconds),
        text: `${sprite}#xywh=${x},${y},${tile.width},${tile.height}`,
      };
    }),
  );
}

/**
 * Seek-bar previews: one ffmpeg run samples video.mp4 every `interval` seconds into a single
 * JPEG sprite (a COLUMNS-wide grid), and thumbnails.vtt says which tile shows which time.
 * Returns the asset (the VTT; the sprite is served beside it under the same token).
 */
export async function buildThumbnails(
  dir: string,
  durationSeconds: number,
  video: { width: number; height: number } = { width: 16, height: 9 },
): Promise<TMediaAssetFact> {
  const tile = thumbnailSize(video);
  const interval = thumbnailInterval(durationSeconds);
  const count = Math.max(1, Math.ceil(durationSeconds / interval));
  const rows = Math.ceil(count / COLUMNS);
  const columns = Math.min(COLUMNS, count);
  await runFfmpeg(
    [
      "-i", "video.mp4", "-an",
      // A frame at the start of each interval, scaled, packed into one grid image.
      "-vf", `fps=1/${interval},scale=${tile.width}:${tile.height},tile=${columns}x${rows}`,
      "-frames:v", "1", "-q:v", "5", THUMBNAILS_SPRITE,
    ],
    { cwd: dir },
  );
  fs.writeFileSync(path.join(dir, THUMBNAILS_VTT), renderThumbnailsVtt(durationSeconds, interval, THUMBNAILS_SPRITE, tile));
  const bytes = fs.statSync(path.join(dir, THUMBNAILS_VTT)).size + fs.statSync(path.join(dir, THUMBNAILS_SPRITE)).size;
  return {
    kind: "thumbnails",
    label: THUMBNAILS_LABEL,
    path: THUMBNAILS_VTT,
    mimeType: "text/vtt",
    bytes,
    width: tile.width,
    height: tile.height,
  };
}
