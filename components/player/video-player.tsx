"use client";

import { useEffect, useRef, useState, type MutableRefObject } from "react";
import type videojsType from "video.js";
import "video.js/dist/video-js.css";
import "videojs-contrib-quality-menu/dist/videojs-contrib-quality-menu.css";
import type { TPlayback } from "@/lib/media/segment-media-urls";
import { earlyVideoHtml } from "@/lib/player/early-video";
import type { TMediaExtras } from "@/lib/player/media-extras";
import { PLAYBACK_RATES } from "@/lib/progress/preference-values";
import { loadHlsSupport, loadVideoJs } from "./load-player-code";
import { attachPlaybackRenewal } from "./playback-renewal";

export type TPlayer = ReturnType<typeof videojsType>;

// Requested as soon as this module runs in the browser, in parallel with hydration, but never on
// its path (ADR 008, issue 12). The watch page's first frame does not wait for it.
if (typeof window !== "undefined") void loadVideoJs().catch(() => {});

const HLS = "application/x-mpegURL";
/** The last seconds of a segment stay on the MP4 (see `toHls`). */
const MP4_TAIL_SECONDS = 5;
/**
 * How long the MP4 must be stalled (`waiting` with no `playing` since) before the player moves to
 * HLS: a blip of a few milliseconds (one came just after video.js took a playing element over, the
 * main thread busy with the build) is no stall, and the move itself interrupts the picture for a
 * few hundred ms — and a play/pause pressed during it found the element paused by the new source.
 */
const MP4_STALL_MS = 1_000;
const MP4 = "video/mp4";

/** What the player's early start already did, for the page's start logic. */
export type TStartedEarly = {
  /** The position the server-rendered <video> started at (a `#t=` fragment), or null when it plays no MP4 any more. */
  startSeconds: number | null;
};

type TVideoPlayerProps = {
  playback: TPlayback;
  extras: TMediaExtras;
  /** Called once the player exists (and again after a remount); the cleanup runs before dispose. */
  onReady?: (player: TPlayer, early: TStartedEarly | null) => void | (() => void);
  /** The playback API refused to renew the URLs (refund, revoked access): why, for the learner. */
  onAccessEnded?: (message: string) => void;
  /** The server-rendered poster's size and text, when it is an image in its own right (a course cover). */
  posterImage?: { width: number; height: number; alt: string; testId?: string };
  /** "none" for a player that may never be played (a landing page's trailer): nothing is fetched until play. */
  preload?: "auto" | "none";
  /**
   * The server renders a <video> of the segment's MP4 that video.js later takes over. An autoplay
   * load starts it before any script (first frame as early as a bare <video>); a plain load shows
   * it paused, with a play button, and builds the player at the viewer's first input (below).
   */
  early?: {
    startSeconds: number | null;
    muted: boolean;
    autoplay: boolean;
    /**
     * A start only the browser knows (an anonymous viewer's position, in localStorage): a press on
     * a plain load's play button starts the element there, not at 0 before the player's resume.
     */
    browserStart?: () => number | null;
    /** The viewer's sound and speed, applied to the element before a press plays it (the player applies them only once built). */
    sound?: () => { volume: number; muted: boolean; playbackRate: number };
  } | null;
  /** Set to a function that builds the player now (a plain load's deferred build): for the page's own controls. */
  buildRef?: MutableRefObject<(() => void) | null>;
};

/** What shows that a viewer is here and about to use the page: any of these builds a waiting player. */
const INTENT_EVENTS = ["pointerdown", "pointermove", "touchstart", "keydown", "wheel"] as const;

/** Once the viewer has used this page, later players (a client-side move to another segment) build at once. */
let viewerActed = false;

/**
 * Resolves at the viewer's first input on the page (a pointer moving or pressing, a touch, a key,
 * the wheel), when `request` is called, or when the server-rendered element starts playing or
 * fails on its own. Until then video.js is not built: building it (one 160–250 ms task at
 * Lighthouse's 4× CPU) was a third of a plain load's main-thread work, spent before anyone had
 * asked for the player (ADR 008, issue 12). Resolves at once after an earlier input.
 */
function viewerIntent(tag: HTMLVideoElement, request: MutableRefObject<(() => void) | null>): { ready: Promise<void>; cancel(): void } {
  let resolveReady = () => {};
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  const stopListening = () => {
    for (const type of INTENT_EVENTS) document.removeEventListener(type, done, true);
    tag.removeEventListener("play", done);
    tag.removeEventListener("error", done);
    request.current = null;
  };
  // Built in a task of its own, not inside the input's dispatch: Chromium dispatches pointer
  // moves with the animation frame, so video.js's own frame callbacks (its time displays' text)
  // would wait one more frame and the control bar would show once with empty times (a layout
  // shift). The input's handler also stays short.
  function done() {
    stopListening();
    viewerActed = true;
    setTimeout(resolveReady, 0);
  }
  if (viewerActed) {
    resolveReady();
    return { ready, cancel() {} };
  }
  for (const type of INTENT_EVENTS) document.addEventListener(type, done, { capture: true, passive: true });
  tag.addEventListener("play", done);
  tag.addEventListener("error", done);
  request.current = done;
  return { ready, cancel: stopListening };
}

type TMenuButton = { hasClass(name: string): boolean; items?: unknown[]; pressButton(): void };

/**
 * Calls `then` in the first frame in which the quality menu shows its items (VHS adds them just
 * after the metadata), or after `framesLeft` frames. In an animation frame: what `then` changes
 * is painted in the same frame as the menu's appearance.
 */
function whenQualityMenuShows(player: TPlayer, framesLeft: number, then: (menu: TMenuButton | null) => void): void {
  if (player.isDisposed()) return;
  const menu = player.getChild("ControlBar")?.getChild("QualityMenuButton") as unknown as TMenuButton | undefined;
  if (menu && !menu.hasClass("vjs-hidden") && (menu.items?.length ?? 0) > 0) return then(menu);
  // One rendition (a source of 360p or less): the plugin shows no menu at all.
  const levels = (player as unknown as { qualityLevels?: () => { length: number } }).qualityLevels?.().length ?? 0;
  if (framesLeft <= 0 || levels === 1) return then(null);
  requestAnimationFrame(() => whenQualityMenuShows(player, framesLeft - 1, then));
}

/**
 * Runs `build` (video.js adopting the server-rendered <video>) without the element leaving the
 * document. video.js puts the element first in its player even when it is already first
 * (`insertBefore(tag, tag)`), and Chromium pauses a media element taken out of the document,
 * even for that instant, and forgets its `autoplay`: the early MP4 stopped at the takeover, and
 * after a client-side navigation it never started (issue 12). Only that no-op move is skipped.
 */
function keptInPlace<T>(tag: HTMLVideoElement, build: () => T): T {
  const host = tag.parentNode;
  if (!host) return build();
  const insertBefore = host.insertBefore;
  host.insertBefore = function <N extends Node>(this: ParentNode & Node, node: N, child: Node | null): N {
    if ((node as Node) === tag && child === tag) return node;
    return insertBefore.call(this, node, child) as N;
  };
  try {
    return build();
  } finally {
    // The instance property goes; the prototype's method is back.
    delete (host as { insertBefore?: unknown }).insertBefore;
  }
}

/**
 * video.js playing the segment's progressive MP4 first, then (VHS, loaded on demand) its HLS ladder, plus the
 * quality menu (videojs-contrib-quality-menu over the bundled quality-levels plugin: the
 * renditions and Auto), the speed menu, picture-in-picture, fullscreen, the captions and
 * chapters menus. The element is created imperatively (or rendered as HTML, for an early
 * start) so React never owns nodes video.js rewrites.
 */
export function VideoPlayer({ playback, extras, onReady, onAccessEnded, posterImage, preload = "auto", early, buildRef }: TVideoPlayerProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const ownBuildRef = useRef<(() => void) | null>(null);
  const requestBuild = buildRef ?? ownBuildRef;
  // For the page's tests and styles: video.js has been built (a plain load waits for the viewer).
  const [built, setBuilt] = useState(false);
  const onReadyRef = useRef(onReady);
  onReadyRef.current = onReady;
  const onAccessEndedRef = useRef(onAccessEnded);
  onAccessEndedRef.current = onAccessEnded;
  const browserStartRef = useRef(early?.browserStart);
  browserStartRef.current = early?.browserStart;
  const soundRef = useRef(early?.sound);
  soundRef.current = early?.sound;
  const playbackRef = useRef(playback);
  playbackRef.current = playback;
  const { hls, poster, captions, segment, mp4 } = playback;
  const { chapters } = extras;
  const earlyHtml =
    early && mp4
      ? earlyVideoHtml({ mp4, poster, startSeconds: early.startSeconds, muted: early.muted, label: segment.title, autoplay: early.autoplay })
      : null;
  const earlyStart = early?.startSeconds ?? null;
  const waitsForViewer = earlyHtml !== null && early?.autoplay === false;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let teardown = () => {};
    let unmounted = false;
    const early = container.querySelector<HTMLVideoElement>("video[data-early-video]:not(.vjs-tech)");
    // A plain load: built at the viewer's first input (viewerIntent), not during the page's load.
    // (An element whose MP4 already failed, before this ran, is built at once: on HLS.)
    const intent = early && waitsForViewer && !early.error ? viewerIntent(early, requestBuild) : null;
    // Its play button (server-rendered beside the element, before video.js's exists): the element
    // plays at once (the press is the viewer's gesture, so with sound) and the player is built
    // around it. Pressed on an element whose MP4 failed, the player starts on HLS and plays.
    const startButton = container.querySelector<HTMLButtonElement>("button[data-early-start]");
    let playRequested = false;
    // Where the press started the element when the server could not know (a local resume position).
    let pressedStart: number | null = null;
    const pressPlay = () => {
      playRequested = true;
      if (early && !early.error) {
        if (earlyStart === null && early.played.length === 0) {
          pressedStart = browserStartRef.current?.() ?? null;
          if (pressedStart !== null) early.currentTime = pressedStart;
        }
        // Not at full volume for a viewer who muted or turned it down, until the player applies it.
        const sound = soundRef.current?.();
        if (sound) {
          early.volume = sound.volume;
          early.muted = sound.muted;
          early.playbackRate = sound.playbackRate;
        }
        void early.play().catch(() => {});
      }
      requestBuild.current?.();
    };
    startButton?.addEventListener("click", pressPlay);
    // A press under way on it when the player is built (pointer down, not yet up): the button is
    // replaced before the release, so no click would follow — the press is taken as it (below).
    let pressing = false;
    const pressDown = () => {
      pressing = true;
    };
    const pressCancel = () => {
      pressing = false;
    };
    startButton?.addEventListener("pointerdown", pressDown);
    startButton?.addEventListener("pointerleave", pressCancel);
    // Space on it plays at the key's press, as video.js's own buttons do: a native button waits
    // for the key's release, and this keydown (the page's first key when focus came without one:
    // a screen reader, a script) builds the player, whose button has replaced this one by then.
    const pressSpace = (e: KeyboardEvent) => {
      if (e.key !== " " || e.repeat) return;
      e.preventDefault();
      pressPlay();
    };
    startButton?.addEventListener("keydown", pressSpace);
    void (intent?.ready ?? Promise.resolve()).then(() => {
      if (unmounted) return;
      // The code is requested when this module first runs (above); a segment without an MP4, or
      // an early MP4 that already failed, needs VHS from the start.
      const hlsFirst = !mp4 || (early !== null && early.error !== null);
      return Promise.all([loadVideoJs(), hlsFirst ? loadHlsSupport() : null]).then(([videojs]) => {
        if (unmounted) return;
        teardown = mountPlayer(videojs, container);
      });
    });

    function mountPlayer(videojs: typeof videojsType, container: HTMLDivElement): () => void {
      const tag = container.querySelector<HTMLVideoElement>("video[data-early-video]:not(.vjs-tech)");
      // Every load starts on the segment's progressive MP4 (the top rung): the server-rendered
      // one of an autoplay load, still playing or about to, or the player's own. VHS is loaded
      // when the player moves to HLS (below). Without an MP4 (or when the early one failed) the
      // player starts on HLS.
      const onEarlyMp4 = tag !== null && !tag.error;
      const startOnMp4 = mp4 !== null && (tag === null || onEarlyMp4);
      let element: Element;
      if (tag) {
        element = tag;
      } else {
        element = document.createElement("video-js");
        element.classList.add("vjs-big-play-centered", "vjs-lectern");
        element.setAttribute("playsinline", "");
        container.appendChild(element);
      }
      const options = {
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
        // Without sources, video.js keeps the early element's (the MP4, playing or about to).
        ...(onEarlyMp4 ? {} : { sources: [startOnMp4 && mp4 ? { src: mp4, type: MP4 } : { src: hls, type: HLS }] }),
        // Text tracks as options (not addRemoteTextTrack before the tech has loaded the
        // source, which video.js drops): captions menu, chapters menu.
        tracks: [
          ...captions.map((c) => ({ kind: "captions", src: c.src, srclang: c.language, label: c.label })),
          ...(chapters ? [{ kind: "chapters", src: chapters, srclang: "en", label: "Chapters" }] : []),
        ],
      };
      const player = tag ? keptInPlace(tag, () => videojs(element, options)) : videojs(element, options);
      player.el().setAttribute("aria-label", `Video player: ${segment.title}`);
      if (onEarlyMp4 && tag) {
        // video.js learns an adopted element's source only later: until then its play() (its big
        // play button, its play/pause button) waits for a `loadstart` the element sent long
        // before, and never plays — a press queued behind the build (the tap after the touch that
        // started it) was lost, and so was a shortcut waiting for the player. The element's own play() until then.
        const videojsPlay = player.play.bind(player);
        player.play = () => (player.currentSrc() ? videojsPlay() : tag.play());
      }
      // The server-rendered play button gives way to video.js's in the same task (never two, never
      // none), and keyboard focus goes with it: to video.js's play button, or, once pressed (the
      // element plays, and video.js hides its big button as it starts: focus would fall to the
      // page), to the control bar's play/pause button, as video.js does after its own is pressed.
      if (startButton?.isConnected) {
        const focused = document.activeElement === startButton;
        if (pressing && !playRequested) pressPlay();
        startButton.remove();
        const pressed = playRequested || (tag !== null && !tag.paused);
        const focusTo = pressed ? player.getChild("ControlBar")?.getChild("PlayToggle") : player.getChild("BigPlayButton");
        if (focused) (focusTo?.el() as HTMLElement | undefined)?.focus();
      }
      setBuilt(true);
      // The controls that appear once loaded keep their slots from the start (app/player.css, CLS 0).
      if (chapters) player.addClass("vjs-lectern--chapters");
      if (captions.length > 0) player.addClass("vjs-lectern--captions");
      if (document.pictureInPictureEnabled) player.addClass("vjs-lectern--pip");
      (player as unknown as { qualityMenu: (o?: object) => void }).qualityMenu({ useResolutionLabels: true });

      // The MP4 is the top rung only: at the first seek or stall after playback started, the
      // player loads VHS and moves to HLS (adaptive, the quality menu) at the same position.
      // Until then nothing interrupts the picture the viewer is already watching.
      let onMp4 = startOnMp4;
      let disposed = false;
      // Start-up's own `waiting` and a `#t=` fragment's or a resume's seek come before the first
      // frame: not a viewer's seek or a stall.
      let framing = tag !== null && !tag.paused && tag.readyState >= 3;
      const onPlaying = () => {
        framing = true;
      };
      // Not at the end: the `waiting` Chromium may fire there is no stall, and a move then would
      // seek the new source to the end again (and hide the up-next card the end just showed).
      // Nor in the last seconds (a seek there, or a stall): an HLS start-up has nothing left to
      // gain, and VHS starting a few seconds before the end sometimes never reached it (a
      // spinner instead of the up-next card, seen under load). The MP4 seeks fine.
      // `chosen`: the viewer asked for the quality menu (below), before or while playing.
      const toHls = (chosen: unknown = false) => {
        if (!onMp4 || (!framing && chosen !== true) || player.ended()) return;
        const left = (player.duration() ?? 0) - (player.currentTime() ?? 0);
        if (chosen !== true && Number.isFinite(left) && left > 0 && left < MP4_TAIL_SECONDS) return;
        onMp4 = false;
        player.off("seeking", toHls);
        player.off("waiting", onWaiting);
        stallEnded();
        void loadHlsSupport().then(() => {
          if (disposed) return;
          if (player.ended()) {
            // It played to the end while VHS loaded: stay on the MP4 until the next seek.
            onMp4 = true;
            player.on("seeking", toHls);
            player.on("waiting", onWaiting);
            return;
          }
          player.off("playing", onPlaying);
          // Taken now: the MP4 went on playing (or seeking) while VHS loaded.
          const at = player.currentTime() ?? 0;
          // Playing, or still about to autoplay: HLS goes on playing.
          const play = !player.paused() || (tag !== null && tag.autoplay && tag.played.length === 0);
          player.src({ src: hls, type: HLS });
          // A new source resets "has started" (poster and big play button): not for a switch.
          // (Before the first frame, e.g. a quality chosen first, it stays not started: the big play button.)
          const started = framing;
          player.one("loadstart", () => player.hasStarted(started));
          player.one("loadedmetadata", () => {
            if (at > 0) player.currentTime(at);
            if (play) void player.play()?.catch(() => {});
            // The "Quality" button gives its place to the menu in the frame the menu appears:
            // never both, never neither (no layout shift). Pressed, it opens the menu.
            whenQualityMenuShows(player, 300, (menu) => {
              const focused = qualityChooser?.el().contains(document.activeElement) ?? false;
              qualityChooser?.dispose();
              player.removeClass("vjs-lectern--mp4");
              if (chosen === true && menu) menu.pressButton();
              // Keyboard focus never falls to the page: with no menu to open, to the play button.
              else if (focused) (player.getChild("ControlBar")?.getChild("PlayToggle")?.el() as HTMLElement | undefined)?.focus();
            });
          });
        });
      };
      // A stall is a `waiting` that lasts (MP4_STALL_MS), not one that `playing` ends at once.
      let stall: ReturnType<typeof setTimeout> | null = null;
      const stallEnded = () => {
        if (stall !== null) clearTimeout(stall);
        stall = null;
      };
      const onWaiting = () => {
        stallEnded();
        stall = setTimeout(() => {
          stall = null;
          if (!disposed && !player.paused()) toHls();
        }, MP4_STALL_MS);
      };
      // The quality menu lists the HLS ladder's renditions, which the MP4 phase has not loaded:
      // until the move, the menu's place holds a "Quality" button that makes it (and opens it).
      let qualityChooser: InstanceType<ReturnType<typeof videojs.getComponent>> | null = null;
      if (onMp4) {
        player.on("playing", onPlaying);
        player.on("seeking", toHls);
        player.on("waiting", onWaiting);
        player.on(["playing", "pause"], stallEnded);
        const controlBar = player.getChild("ControlBar");
        const Button = videojs.getComponent("Button");
        if (controlBar && Button) {
          const chooser = new Button(player, { className: "vjs-quality-chooser" }) as InstanceType<typeof Button> & {
            controlText(text: string): void;
          };
          chooser.controlText("Quality");
          chooser.$(".vjs-icon-placeholder")?.classList.add("vjs-icon-cog");
          chooser.on("click", () => toHls(true));
          qualityChooser = chooser;
          const at = controlBar.children().findIndex((c) => c.name() === "FullscreenToggle");
          controlBar.addChild(qualityChooser, {}, at >= 0 ? at : undefined);
          player.addClass("vjs-lectern--mp4");
        }
      }

      const cleanup = onReadyRef.current?.(player, tag ? { startSeconds: onEarlyMp4 ? (earlyStart ?? pressedStart) : null } : null);
      // The element knew its duration before video.js existed (a plain load's, preloaded while the
      // page waited for the viewer): video.js reads it at once, so no change is announced, and the
      // remaining time showed "-0:00" until the first timeupdate.
      if (onEarlyMp4 && tag && tag.readyState >= HTMLMediaElement.HAVE_METADATA) player.trigger("durationchange");
      // video.js missed the early element's play/playing (they fired before it existed):
      // replay them so its controls, and the page's progress reporting, know it is playing.
      // (`playing` only once it is: an autoplay still waiting for data sends its own, and a
      // replayed one would count the start-up's `waiting` as a stall.)
      if (onEarlyMp4 && tag && !tag.paused) {
        tag.dispatchEvent(new Event("play"));
        if (tag.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA) tag.dispatchEvent(new Event("playing"));
      } else if (tag && tag.error && playRequested) {
        // Pressed play on an element whose MP4 then failed: the player starts on HLS instead.
        void player.play()?.catch(() => {});
      } else if (onEarlyMp4 && tag && tag.autoplay && tag.played.length === 0) {
        // Meant to autoplay and not started yet: make sure it does, with the element's own play()
        // (video.js's waits for a source it learns only later for an element it adopts).
        void tag.play().catch(() => {});
      }
      const stopRenewal = attachPlaybackRenewal(player, playbackRef.current, (message) => onAccessEndedRef.current?.(message));

      return () => {
        disposed = true;
        stallEnded();
        stopRenewal();
        if (typeof cleanup === "function") cleanup();
        player.dispose();
      };
    }

    return () => {
      unmounted = true;
      intent?.cancel();
      startButton?.removeEventListener("click", pressPlay);
      startButton?.removeEventListener("keydown", pressSpace);
      startButton?.removeEventListener("pointerdown", pressDown);
      startButton?.removeEventListener("pointerleave", pressCancel);
      teardown();
    };
  }, [hls, mp4, poster, captions, segment.title, chapters, preload, earlyStart, waitsForViewer, requestBuild]);


  // The poster is in the server's HTML, in the space the player will take: no black box while
  // video.js loads; the player (transparent until it starts) shows the same image over it.
  return (
    <div className="player" data-vjs-player data-testid="player" data-built={built ? "" : undefined} ref={containerRef}>
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
      {earlyHtml ? (
        // The host becomes the player's element (data-vjs-player: video.js takes the element's
        // parent instead of moving a playing <video> in the DOM).
        <div className="player__early" data-vjs-player dangerouslySetInnerHTML={{ __html: earlyHtml }} />
      ) : null}

    </div>
  );
}
