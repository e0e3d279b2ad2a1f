/**
 * The server-rendered <video> of an autoplay load (ADR 008, issue 12): the segment's progressive
 * MP4, signed by the same playback function as the HLS URLs, starts in the HTML before any script;
 * video.js then takes this very element over (it is the player's tech) and moves to HLS later.
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

export type TEarlyVideo = { mp4: string; poster: string | null; startSeconds: number | null; muted: boolean; label: string };

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
    `autoplay=""`,
  ].filter(Boolean);
  return `<video ${attributes.join(" ")}></video>`;
}
