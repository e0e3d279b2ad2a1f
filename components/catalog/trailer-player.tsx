"use client";

import { lazy, Suspense, useState } from "react";
import type { TImage } from "@/lib/catalog/get-course-landing";
import type { TPlayback } from "@/lib/media/segment-media-urls";
import type { TMediaExtras } from "@/lib/player/media-extras";

// video.js is loaded when the visitor asks for the trailer, not with the landing page: most
// visitors read the page and never play it, and the player's script was most of the page's
// main-thread work (Lighthouse, issue 12).
const VideoPlayer = lazy(() => import("@/components/player/video-player").then((m) => ({ default: m.VideoPlayer })));

type TProps = { playback: TPlayback; extras: TMediaExtras; cover: TImage | null; courseTitle: string; label: string };

/**
 * The trailer's poster (the course cover, or the segment's poster) with a play button, in the
 * space the player will take; a press loads the player there and starts it.
 */
export function TrailerPlayer({ playback, extras, cover, courseTitle, label }: TProps) {
  const [started, setStarted] = useState(false);
  const src = cover?.url ?? playback.poster;
  const poster = src ? (
    // eslint-disable-next-line @next/next/no-img-element -- a versioned cover or a signed poster URL
    <img
      className="player__poster"
      src={src}
      srcSet={cover?.srcSet}
      // The buy-box: the page's width on a phone, 380 px beside the text on a wide screen.
      sizes={cover?.srcSet ? "(max-width: 960px) calc(100vw - 5rem), 340px" : undefined}
      alt={cover ? `Cover: ${courseTitle}` : ""}
      width={cover?.width}
      height={cover?.height}
      fetchPriority="high"
      data-testid={cover ? "course-cover" : "player-poster"}
    />
  ) : null;
  if (started) {
    return (
      <Suspense fallback={<div className="player">{poster}</div>}>
        <VideoPlayer
          playback={cover ? { ...playback, poster: cover.url } : playback}
          posterImage={cover ? { ...cover, alt: `Cover: ${courseTitle}`, testId: "course-cover" } : undefined}
          extras={extras}
          // The press was the request to play; the browser counts it as the user's gesture. Once
          // the MP4 has its metadata: a play() queued by video.js before that can be lost when the
          // file comes from the browser's cache (its loadstart already past), leaving it paused.
          onReady={(player) => {
            const play = () => void player.play()?.catch(() => undefined);
            if (player.readyState() >= 1) play();
            else player.one("loadedmetadata", play);
          }}
        />
      </Suspense>
    );
  }
  return (
    <div className="player trailer-facade">
      {poster}
      <button type="button" className="trailer-facade__play" onClick={() => setStarted(true)} data-testid="trailer-play">
        <span aria-hidden="true">▶</span>
        <span className="visually-hidden">Play the free preview: {label}</span>
      </button>
    </div>
  );
}
