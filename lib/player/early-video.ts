/**
 * The server-rendered <video> of the watch page (ADR 008, issue 12): the segment's progressive
 * MP4, signed by the same playback function as the HLS URLs. An autoplay load starts it in the
 * HTML before any script; a plain load shows it paused (poster, preloading) and video.js takes it
 * over at the viewer's first input. Either way video.js adopts this very element (it is the
 * player's tech) and moves to HLS later.
 */

/** Starting over beats resuming in the last seconds (the player's resume rule). */
export const RESUME_MARGIN_SECONDS = 3;

/**
 * Where playback starts before the player's script runs: a deep link's `?t=` or, for a signed-in
 * viewer, the saved position (anonymous viewers' positions live in localStorage, unknown here).
 */
export function earlyStartSeconds(startAt: number | null, resumeAt: number | null, durationSeconds: number): number | null {
  if (startAt !== null) return startAt > 0 ? startAt : null;
  if (resumeAt !== null && resumeAt > 0 && resumeAt < durationSeconds - RESUME_MARGIN_SECONDS) return resumeAt;
  return null;
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export type TEarlyVideo = {
  mp4: string;
  poster: string | null;
  startSeconds: number | null;
  muted: boolean;
  label: string;
  /** An autoplay load (`?autoplay=1`, the up-next countdown); false: paused until the viewer presses play. */
  autoplay: boolean;
};

/**
 * The element's markup. It is set as HTML (not React children) because video.js rewrites the
 * element and its parent; React must never reconcile those nodes. A media fragment (`#t=`) starts
 * a deep link or a resume at the right second without a seek.
 */
export function earlyVideoHtml(video: TEarlyVideo): string {
  const src = video.startSeconds !== null ? `${video.mp4}#t=${Math.round(video.startSeconds * 1000) / 1000}` : video.mp4;
  const attributes = [
    `class="video-js vjs-big-play-centered vjs-lectern"`,
    `data-early-video=""`,
    `src="${escapeAttribute(src)}"`,
    video.poster ? `poster="${escapeAttribute(video.poster)}"` : null,
    `preload="auto"`,
    `playsinline=""`,
    video.muted ? `muted=""` : null,
    `aria-label="${escapeAttribute(`Video player: ${video.label}`)}"`,
    // Last, as video.js orders it: `muted` and `playsinline` are set when autoplay is decided.
    video.autoplay ? `autoplay=""` : null,
  ].filter(Boolean);
  const element = `<video ${attributes.join(" ")}></video>`;
  if (video.autoplay) return element;
  // A plain load: video.js's big play button (its markup and name) until video.js is built around
  // the element and brings its own; video-player.tsx swaps the two in one task.
  return (
    element +
    `<button type="button" class="vjs-big-play-button player__start" data-early-start="" title="Play Video">` +
    `<span class="vjs-icon-play" aria-hidden="true"></span><span class="visually-hidden">Play Video</span></button>`
  );
}
