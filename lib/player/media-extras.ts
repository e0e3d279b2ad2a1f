import type { TFoundSegment } from "../catalog/find-segment";
import type { TPlayback } from "../media/segment-media-urls";

export type TMediaExtras = { chapters: string | null; thumbnails: string | null };

/**
 * Signed URLs of the chapters and thumbnails tracks, beside the playlist: they share the
 * playback's token (it signs the segment's folder), so the base is the master playlist's.
 */
export function mediaExtras(segment: TFoundSegment, playback: TPlayback): TMediaExtras {
  const base = playback.hls.slice(0, playback.hls.lastIndexOf("/") + 1);
  const prefix = `${segment.course.slug}/${segment.slug}/`;
  const url = (kind: string) => {
    const asset = segment.assets.find((a) => a.kind === kind);
    if (!asset || !asset.path.startsWith(prefix)) return null;
    return base + asset.path.slice(prefix.length);
  };
  return { chapters: url("chapters"), thumbnails: url("thumbnails") };
}
