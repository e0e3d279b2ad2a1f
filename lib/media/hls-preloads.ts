import type { TPlayback } from "./segment-media-urls";

/**
 * The playlists a player fetches first: the master and the variant it starts with. VHS starts
 * desktop players on the largest rendition (its initial bandwidth estimate, 4 Mbit/s, is above
 * our ladder's peak), so that variant's playlist is the one worth fetching early.
 */
export function hlsPreloads(playback: Pick<TPlayback, "hls" | "renditions">): string[] {
  const base = playback.hls.slice(0, playback.hls.lastIndexOf("/") + 1);
  const top = playback.renditions[0];
  return top ? [playback.hls, `${base}${top.label}/index.m3u8`] : [playback.hls];
}
