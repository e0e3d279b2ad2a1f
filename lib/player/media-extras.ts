import type { TFoundSegment } from "../catalog/find-segment";
import type { TPlayback } from "../media/segment-media-urls";

export type TMediaExtras = { chapters: string | null; thumbnails: string | null };

/**
 * Signed URLs of the chapters and thumbnails tracks: they share the playback's token (it signs
 * the segment's folder), so the base is the playlist's URL up to and including the token. The
 * master may sit in a version folder (`v-<job>/master.m3u8`, docs/decisions/012), whose name is
 * part of every asset's own path, so it is cut off the playlist's URL, not kept.
 */
export function mediaExtras(segment: Pick<TFoundSegment, "slug" | "course" | "assets">, playback: Pick<TPlayback, "hls">): TMediaExtras {
  const prefix = `${segment.course.slug}/${segment.slug}/`;
  const master = segment.assets.find((a) => a.kind === "hls-master");
  const masterRel = master?.path.startsWith(prefix) ? master.path.slice(prefix.length) : "master.m3u8";
  if (!playback.hls.endsWith(`/${masterRel}`)) return { chapters: null, thumbnails: null };
  const base = playback.hls.slice(0, playback.hls.length - masterRel.length);
  const url = (kind: string) => {
    const asset = segment.assets.find((a) => a.kind === kind);
    if (!asset || !asset.path.startsWith(prefix)) return null;
    return base + asset.path.slice(prefix.length);
  };
  return { chapters: url("chapters"), thumbnails: url("thumbnails") };
}
