"use client";

import { useEffect, useRef } from "react";
import videojs from "video.js";
import "video.js/dist/video-js.css";
import "videojs-contrib-quality-menu";
import "videojs-contrib-quality-menu/dist/videojs-contrib-quality-menu.css";
import type { TPlayback } from "@/lib/media/segment-media-urls";
import type { TMediaExtras } from "@/lib/player/media-extras";
import { PLAYBACK_RATES } from "@/lib/progress/preference-values";
import { attachPlaybackRenewal } from "./playback-renewal";

export type TPlayer = ReturnType<typeof videojs>;

type TVideoPlayerProps = {
  playback: TPlayback;
  extras: TMediaExtras;
  /** Called once the player exists (and again after a remount); the cleanup runs before dispose. */
  onReady?: (player: TPlayer) => void | (() => void);
  /** The playback API refused to renew the URLs (refund, revoked access): why, for the learner. */
  onAccessEnded?: (message: string) => void;
  /** The server-rendered poster's size and text, when it is an image in its own right (a course cover). */
  posterImage?: { width: number; height: number; alt: string; testId?: string };
  /** "none" for a player that may never be played (a landing page's trailer): nothing is fetched until play. */
  preload?: "auto" | "none";
};

/**
 * video.js with its built-in HTTP streaming (VHS) playing the segment's HLS ladder, plus the
 * quality menu (videojs-contrib-quality-menu over the bundled quality-levels plugin: the
 * renditions and Auto), the speed menu, picture-in-picture, fullscreen, the captions and
 * chapters menus. The element is created imperatively so React never owns nodes video.js rewrites.
 */
export function VideoPlayer({ playback, extras, onReady, onAccessEnded, posterImage, preload = "auto" }: TVideoPlayerProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const onReadyRef = useRef(onReady);
  onReadyRef.current = onReady;
  const onAccessEndedRef = useRef(onAccessEnded);
  onAccessEndedRef.current = onAccessEnded;
  const playbackRef = useRef(playback);
  playbackRef.current = playback;
  const { hls, poster, captions, segment } = playback;
  const { chapters } = extras;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const element = document.createElement("video-js");
    element.classList.add("vjs-big-play-centered", "vjs-lectern");
    element.setAttribute("playsinline", "");
    container.appendChild(element);

    const player = videojs(element, {
      controls: true,
      fluid: true,
      aspectRatio: "16:9",
      preload,
      poster: poster ?? undefined,
      playbackRates: [...PLAYBACK_RATES],
      // Our own document-level shortcuts (lib/player/keyboard-shortcuts.ts) replace video.js's.
      userActions: { hotkeys: false },
      controlBar: { skipButtons: { forward: 10, backward: 10 } },
      html5: { vhs: { overrideNative: true }, nativeAudioTracks: false, nativeVideoTracks: false, nativeTextTracks: false },
      sources: [{ src: hls, type: "application/x-mpegURL" }],
      // Text tracks as options (not addRemoteTextTrack before the tech has loaded the
      // source, which video.js drops): captions menu, chapters menu.
      tracks: [
        ...captions.map((c) => ({ kind: "captions", src: c.src, srclang: c.language, label: c.label })),
        ...(chapters ? [{ kind: "chapters", src: chapters, srclang: "en", label: "Chapters" }] : []),
      ],
    });
    player.el().setAttribute("aria-label", `Video player: ${segment.title}`);
    (player as unknown as { qualityMenu: (o?: object) => void }).qualityMenu({ useResolutionLabels: true });
    const cleanup = onReadyRef.current?.(player);
    const stopRenewal = attachPlaybackRenewal(player, playbackRef.current, (message) => onAccessEndedRef.current?.(message));

    return () => {
      stopRenewal();
      if (typeof cleanup === "function") cleanup();
      player.dispose();
    };
  }, [hls, poster, captions, segment.title, chapters, preload]);

  // The poster is in the server's HTML, in the space the player will take: no black box while
  // video.js loads; the player (transparent until it starts) shows the same image over it.
  return (
    <div className="player" data-vjs-player data-testid="player" ref={containerRef}>
      {poster ? (
        // eslint-disable-next-line @next/next/no-img-element -- a signed media URL, not an optimisable asset
        <img
          className="player__poster"
          src={poster}
          alt={posterImage?.alt ?? ""}
          width={posterImage?.width}
          height={posterImage?.height}
          fetchPriority="high"
          data-testid={posterImage?.testId ?? "player-poster"}
        />
      ) : null}
    </div>
  );
}
