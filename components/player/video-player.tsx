"use client";

import { useEffect, useRef } from "react";
import videojs from "video.js";
import "video.js/dist/video-js.css";
import type { TPlayback } from "@/lib/media/segment-media-urls";

type TPlayer = ReturnType<typeof videojs>;

/**
 * video.js with its built-in HTTP streaming (VHS) playing the segment's HLS ladder.
 * The element is created imperatively so React never owns nodes video.js rewrites.
 */
export function VideoPlayer({ playback }: { playback: TPlayback }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const playerRef = useRef<TPlayer | null>(null);
  const { hls, poster, captions, segment } = playback;

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
      preload: "auto",
      poster: poster ?? undefined,
      playbackRates: [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2],
      html5: { vhs: { overrideNative: true }, nativeAudioTracks: false, nativeVideoTracks: false },
      sources: [{ src: hls, type: "application/x-mpegURL" }],
    });
    player.el().setAttribute("aria-label", `Video player: ${segment.title}`);
    for (const c of captions) {
      player.addRemoteTextTrack({ kind: "captions", src: c.src, srclang: c.language, label: c.label }, false);
    }
    playerRef.current = player;

    return () => {
      player.dispose();
      playerRef.current = null;
    };
  }, [hls, poster, captions, segment.title]);

  return <div className="player" data-vjs-player data-testid="player" ref={containerRef} />;
}
