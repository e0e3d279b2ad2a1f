"use client";

import type videojsType from "video.js";

/**
 * The player's code, in two steps (ADR 008, issue 12):
 *  - video.js *core* (no HTTP streaming) with the quality-levels plugin and the quality menu:
 *    requested as soon as the player module runs, in parallel with hydration. `video.js` resolves
 *    to `video.js/dist/alt/video.core.js` (next.config.js `turbopack.resolveAlias`), so nothing
 *    on the page pulls the full build, which bundles VHS;
 *  - VHS (`@videojs/http-streaming`, ~127 KiB gzipped with its transmuxer): only when the player
 *    moves from the segment's progressive MP4 to the HLS ladder (a seek, a stall, a failed MP4
 *    request, a segment without an MP4). It registers itself on the same video.js core.
 */
let core: Promise<typeof videojsType> | null = null;
export function loadVideoJs(): Promise<typeof videojsType> {
  // Three chunks requested at once (each plugin's chunk depends on the core module, which
  // Turbopack evaluates once): not one round trip after another.
  core ??= Promise.all([
    import("video.js"),
    // Bundled in the full build, not in core: VHS reports its renditions through it.
    import("videojs-contrib-quality-levels"),
    // @ts-expect-error -- the plugin ships no types; imported for its side effect (it registers itself).
    import("videojs-contrib-quality-menu"),
  ])
    .then(([m]) => m.default)
    .catch((error: unknown) => {
      core = null;
      throw error;
    });
  return core;
}

let vhs: Promise<void> | null = null;
/** Registers VHS's source handler on the core (once); resolves when HLS sources can be set. */
export function loadHlsSupport(): Promise<void> {
  vhs ??= loadVideoJs()
    // @ts-expect-error -- VHS ships no types; imported for its side effect (it registers itself).
    .then(() => import("@videojs/http-streaming"))
    .then(() => undefined)
    .catch((error: unknown) => {
      vhs = null;
      throw error;
    });
  return vhs;
}
