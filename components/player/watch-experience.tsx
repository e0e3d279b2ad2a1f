"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { TPlayback } from "@/lib/media/segment-media-urls";
import { actionForKey, stepRate, type TPlayerAction } from "@/lib/player/keyboard-shortcuts";
import { localProgressKey, readLocalProgress } from "@/lib/player/local-store";
import type { TMediaExtras } from "@/lib/player/media-extras";
import { parseWebVtt, type TVttCue } from "@/lib/player/parse-webvtt";
import { formatClock } from "@/lib/player/format-clock";
import { earlyStartSeconds, RESUME_MARGIN_SECONDS } from "@/lib/player/early-video";
import { PLAYBACK_RATES, type TPlayerPreferences } from "@/lib/progress/preference-values";
import { TranscriptPanel } from "../transcript/transcript-panel";
import { CopyLinkButton } from "./copy-link-button";
import { decorateSeekBar } from "./seek-bar-extras";
import { NotesPanel } from "../notes/notes-panel";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { UpNextCard, type TUpNext } from "./up-next-card";
import { useProgressReporting } from "./use-progress-reporting";
import { usePreferences } from "./use-preferences";
import { VideoPlayer, type TPlayer, type TStartedEarly } from "./video-player";
import { useShowWatchTab, WatchPanel, WatchTabBar } from "./watch-tabs";

export type TWatchExperienceProps = {
  playback: TPlayback;
  extras: TMediaExtras;
  courseSlug: string;
  segmentSlug: string;
  /** From a deep link (`?t=`), already validated. */
  startAt: number | null;
  /** Signed-in viewers: the saved position. Anonymous viewers' comes from localStorage. */
  resumeAt: number | null;
  initiallyCompleted: boolean;
  /** null = anonymous (preferences live in localStorage). */
  preferences: TPlayerPreferences | null;
  next: TUpNext | null;
  buyHref: string;
  price: string;
  autoplay: boolean;
};

async function fetchCues(url: string | null | undefined): Promise<TVttCue[]> {
  if (!url) return [];
  try {
    const res = await fetch(url);
    return res.ok ? parseWebVtt(await res.text()) : [];
  } catch {
    return [];
  }
}


/**
 * The watch page's client side: the video.js player and everything around it — keyboard
 * shortcuts and their `?` overlay, the transcript, chapter markers and thumbnail previews,
 * resume and honest progress, remembered preferences, auto-advance with the paywall card,
 * and the copy-link button. See docs/decisions/008-player-and-progress.md.
 */
export function WatchExperience(props: TWatchExperienceProps) {
  const { playback, extras, courseSlug, segmentSlug, next } = props;
  const router = useRouter();
  const playerRef = useRef<TPlayer | null>(null);
  // A plain load builds the player at the viewer's first input (VideoPlayer): what the page's own
  // controls ask before it exists (a transcript line, a shortcut) waits here for it.
  const buildPlayerRef = useRef<(() => void) | null>(null);
  const waitingForPlayer = useRef<((player: TPlayer) => void)[]>([]);
  const withPlayer = useCallback((act: (player: TPlayer) => void) => {
    const player = playerRef.current;
    if (player) return act(player);
    waitingForPlayer.current.push(act);
    buildPlayerRef.current?.();
  }, []);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [time, setTime] = useState(props.startAt ?? 0);
  const [cues, setCues] = useState<TVttCue[] | null>(null);
  /** The transcript's language: the first captions track until the viewer picks one (here or in the captions menu). */
  const [transcriptLanguage, setTranscriptLanguage] = useState(playback.captions[0]?.language ?? "en");
  const [upNext, setUpNext] = useState<"countdown" | "paywall" | null>(null);
  const [announcement, setAnnouncement] = useState("");
  /** Bumped by the N key: the notes panel starts a note at the current moment. */
  const [noteRequest, setNoteRequest] = useState(0);
  /** Where playback resumed from saved progress (not a ?t= link): offered "Start over". */
  const [resumedAt, setResumedAt] = useState<number | null>(null);
  /** Why the playback API stopped renewing this page's media URLs (refund, revoked access). */
  const [accessEnded, setAccessEnded] = useState<string | null>(null);
  const announceTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const { prefs, prefsRef, update } = usePreferences(props.preferences);
  const showTab = useShowWatchTab();
  const progress = useProgressReporting({
    course: courseSlug,
    segment: segmentSlug,
    durationSeconds: playback.segment.durationSeconds,
    signedIn: props.preferences !== null,
    initiallyCompleted: props.initiallyCompleted,
  });
  const propsRef = useRef(props);
  propsRef.current = props;

  const announce = useCallback((text: string) => {
    setAnnouncement(text);
    if (announceTimer.current) clearTimeout(announceTimer.current);
    announceTimer.current = setTimeout(() => setAnnouncement(""), 1500);
  }, []);

  // The transcript, chapters and thumbnails wait until the first frame is there (or 1.5 s):
  // the playlist and first segment go first (time to first frame, bench/player.ts).
  const [extrasDue, setExtrasDue] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setExtrasDue(true), 1500);
    return () => clearTimeout(t);
  }, []);
  useEffect(() => {
    if (!extrasDue) return;
    let live = true;
    const track = playback.captions.find((c) => c.language === transcriptLanguage) ?? playback.captions[0];
    setCues(null);
    void fetchCues(track?.src).then((c) => live && setCues(c));
    return () => {
      live = false;
    };
  }, [playback.captions, extrasDue, transcriptLanguage]);

  const seek = useCallback((seconds: number, play = false) => {
    withPlayer((player) => {
      const duration = player.duration() || playback.segment.durationSeconds;
      player.currentTime(Math.max(0, Math.min(seconds, Math.max(0, duration - 0.1))));
      setTime(player.currentTime() ?? seconds);
      if (play && player.paused()) void player.play()?.catch(() => {});
    });
  }, [playback.segment.durationSeconds, withPlayer]);

  const onReady = (player: TPlayer, early: TStartedEarly | null) => {
    playerRef.current = player;
    const p = prefsRef.current;
    player.volume(p.volume);
    player.muted(p.muted);
    let undecorate = () => {};
    let disposed = false;

    const onMetadata = () => {
      const { startAt, resumeAt, autoplay } = propsRef.current;
      player.playbackRate(prefsRef.current.playbackRate);
      const duration = player.duration() || playback.segment.durationSeconds;
      const saved = props.preferences === null
        ? readLocalProgress()[localProgressKey(courseSlug, segmentSlug)]?.positionSeconds ?? null
        : resumeAt;
      const start = startAt ?? (saved !== null && saved < duration - RESUME_MARGIN_SECONDS ? saved : null);
      // The server-rendered MP4 already started there (a `#t=` fragment): no seek.
      const startedThere = early !== null && early.startSeconds !== null && start === early.startSeconds;
      if (start !== null && start > 0 && !startedThere) {
        player.currentTime(start);
        setTime(start);
        if (startAt === null) setResumedAt(start);
      } else if (startedThere && startAt === null) {
        setTime(start);
        setResumedAt(start);
      }
      if (autoplay) void player.play()?.catch(() => {});
      // What the viewer asked for while the player was being built comes after the start position,
      // once the player is ready: its text tracks (the captions key) are only added then.
      player.ready(() => {
        for (const act of waitingForPlayer.current.splice(0)) act(player);
      });
    };
    // A server-rendered (or client-inserted) MP4 may have its metadata before the player exists:
    // no `loadedmetadata` will come (e.g. an auto-advance whose autoplay the browser held back).
    if ((player.readyState() ?? 0) >= 1) onMetadata();
    else player.one("loadedmetadata", onMetadata);

    // Chapters and thumbnails decorate the seek bar once their tracks are fetched.
    let decorated = false;
    const decorate = () => {
      if (decorated || disposed) return;
      decorated = true;
      setExtrasDue(true);
      void Promise.all([fetchCues(extras.chapters), fetchCues(extras.thumbnails)]).then(([chapters, thumbnails]) => {
        if (disposed) return;
        undecorate = decorateSeekBar(player, { chapters, thumbnails, thumbnailsUrl: extras.thumbnails });
      });
    };
    player.one("loadeddata", decorate);
    const decorateLater = setTimeout(decorate, 1500);

    const tracks = player.textTracks() as unknown as TextTrackList & {
      addEventListener(type: "change", fn: () => void): void;
      removeEventListener(type: "change", fn: () => void): void;
    };
    const captionTracks = () => Array.from({ length: tracks.length }, (_, i) => tracks[i]!).filter((t) => t.kind === "captions" || t.kind === "subtitles");
    const applyCaptions = () => {
      const wanted = p.captions ? captionTracks().find((t) => t.language === p.captions) : undefined;
      if (wanted && wanted.mode !== "showing") wanted.mode = "showing";
    };
    applyCaptions();
    player.one("loadedmetadata", applyCaptions);
    // An adopted server-rendered element announces its metadata before the player is ready, and
    // video.js adds the text tracks only at ready: the remembered captions were never turned on.
    player.ready(applyCaptions);
    const onTracks = () => {
      const showing = captionTracks().find((t) => t.mode === "showing");
      update({ captions: showing ? showing.language || "en" : null });
      // The transcript follows the captions menu to another language.
      if (showing?.language) setTranscriptLanguage(showing.language);
    };
    tracks.addEventListener("change", onTracks);

    player.on("ratechange", () => update({ playbackRate: player.playbackRate() ?? 1 }));
    player.on("volumechange", () => update({ volume: Math.round((player.volume() ?? 1) * 100) / 100, muted: !!player.muted() }));
    player.on("timeupdate", () => setTime(player.currentTime() ?? 0));
    player.on("seeked", () => setTime(player.currentTime() ?? 0));
    player.on(["play", "seeking"], () => setUpNext(null));
    player.on("ended", () => {
      const n = propsRef.current.next;
      if (!n) return;
      if (n.locked) setUpNext("paywall");
      else if (prefsRef.current.autoAdvance) setUpNext("countdown");
    });
    const detachProgress = progress.attach(player);
    return () => {
      disposed = true;
      clearTimeout(decorateLater);
      detachProgress();
      undecorate();
      tracks.removeEventListener("change", onTracks);
      playerRef.current = null;
    };
  };

  const apply = useCallback(
    (player: TPlayer, action: TPlayerAction) => {
      const duration = player.duration() || playback.segment.durationSeconds;
      const now = player.currentTime() ?? 0;
      switch (action.type) {
        case "toggle-play":
          if (player.paused()) {
            void player.play()?.catch(() => {});
            announce("Play");
          } else {
            player.pause();
            announce("Paused");
          }
          return;
        case "seek-by": {
          const to = Math.max(0, Math.min(now + action.seconds, duration));
          seek(to);
          announce(`${action.seconds < 0 ? "Back" : "Forward"} ${Math.abs(action.seconds)} s — ${formatClock(to)}`);
          return;
        }
        case "seek-fraction":
          seek(duration * action.fraction);
          announce(`${Math.round(action.fraction * 100)} % — ${formatClock(duration * action.fraction)}`);
          return;
        case "volume-by": {
          const v = Math.round(Math.max(0, Math.min(1, (player.muted() ? 0 : player.volume() ?? 1) + action.delta)) * 100) / 100;
          player.muted(v === 0);
          player.volume(v);
          announce(`Volume ${Math.round(v * 100)} %`);
          return;
        }
        case "toggle-mute":
          player.muted(!player.muted());
          announce(player.muted() ? "Muted" : "Sound on");
          return;
        case "toggle-fullscreen":
          if (player.isFullscreen()) void player.exitFullscreen();
          else void player.requestFullscreen();
          return;
        case "toggle-captions": {
          const tracks = player.textTracks() as unknown as TextTrackList;
          const list = Array.from({ length: tracks.length }, (_, i) => tracks[i]!).filter((t) => t.kind === "captions" || t.kind === "subtitles");
          const showing = list.find((t) => t.mode === "showing");
          if (showing) showing.mode = "disabled";
          else if (list[0]) list[0].mode = "showing";
          announce(showing ? "Captions off" : list[0] ? "Captions on" : "No captions");
          return;
        }
        case "rate-step": {
          // The media element's own rate: video.js caches it until the (queued) ratechange event.
          const media = player.el().querySelector("video");
          const rate = stepRate(PLAYBACK_RATES, media?.playbackRate ?? player.playbackRate() ?? 1, action.direction);
          player.playbackRate(rate);
          announce(`Speed ${rate}×`);
          return;
        }
        case "show-help":
          if (!dialogRef.current?.open) dialogRef.current?.showModal();
          return;
        case "add-note":
          player.pause();
          showTab("notes");
          setNoteRequest((n) => n + 1);
          return;
      }
    },
    [announce, seek, showTab, playback.segment.durationSeconds],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || dialogRef.current?.open) return;
      const action = actionForKey({
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
        target: e.target instanceof Element ? (e.target as HTMLElement) : null,
      });
      if (!action) return;
      e.preventDefault();
      withPlayer((player) => apply(player, action));
    };
    // Capture phase: video.js controls stop keydown propagation, and a focused control
    // (after a click or Tab) must not swallow the shortcuts. Keys a focused control owns
    // (Space on buttons, arrows on sliders and menus) are left to it by actionForKey.
    document.addEventListener("keydown", onKey, true);
    return () => document.removeEventListener("keydown", onKey, true);
  }, [apply, withPlayer]);

  const goNext = useCallback(() => {
    if (next) router.push(`${next.href}?autoplay=1`);
  }, [next, router]);
  const cancelUpNext = useCallback(() => {
    setUpNext(null);
    (playerRef.current?.el().querySelector(".vjs-play-control") as HTMLElement | null)?.focus();
  }, []);

  return (
    <div className="watch-experience">
      <div className="watch-stage">
        <div className="watch-stage__video">
          <VideoPlayer
            key={playback.segment.id}
            playback={playback}
            extras={extras}
            onReady={onReady}
            onAccessEnded={setAccessEnded}
            buildRef={buildPlayerRef}
            early={{
              startSeconds: earlyStartSeconds(props.startAt, props.resumeAt, playback.segment.durationSeconds),
              muted: props.preferences?.muted ?? false,
              autoplay: props.autoplay,
              // An anonymous viewer's saved position (the player's resume rule, below).
              browserStart: () =>
                props.preferences === null && props.startAt === null
                  ? earlyStartSeconds(null, readLocalProgress()[localProgressKey(courseSlug, segmentSlug)]?.positionSeconds ?? null, playback.segment.durationSeconds)
                  : null,
              sound: () => ({ volume: prefsRef.current.volume, muted: prefsRef.current.muted, playbackRate: prefsRef.current.playbackRate }),
            }}
          />
          {upNext && next ? (
            upNext === "paywall" ? (
              <UpNextCard mode="paywall" next={next} buyHref={props.buyHref} price={props.price} onCancel={cancelUpNext} />
            ) : (
              <UpNextCard mode="countdown" next={next} onCancel={cancelUpNext} onGo={goNext} />
            )
          ) : null}
          <div className={`player-osd${announcement ? " player-osd--shown" : ""}`} role="status" aria-live="polite" data-testid="player-osd">
            {announcement}
          </div>
        </div>
        <WatchPanel name="transcript">
          <TranscriptPanel
            cues={cues}
            currentTime={time}
            onSeek={(t) => seek(t, true)}
            languages={playback.captions.map((c) => ({ language: c.language, label: c.label }))}
            language={transcriptLanguage}
            onLanguageChange={setTranscriptLanguage}
          />
        </WatchPanel>
      </div>
      {progress.certificateUrl ? (
        <p className="player-notice player-notice--done" role="status" data-testid="course-completed">
          <strong>You completed the course.</strong> <a href={progress.certificateUrl}>See your certificate of completion</a>
        </p>
      ) : null}
      {accessEnded ? (
        <p className="player-notice" role="alert" data-testid="access-ended">
          <strong>Your access to this video has ended.</strong> {accessEnded}
        </p>
      ) : null}
      <div className="player-toolbar">
        {resumedAt !== null ? (
          <span className="player-toolbar__resumed" data-testid="resumed">
            Resuming at {formatClock(resumedAt)} ·{" "}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                seek(0);
                setResumedAt(null);
                announce("From the start");
              }}
              data-testid="start-over"
            >
              Start over
            </button>
          </span>
        ) : null}
        <CopyLinkButton path={`/courses/${courseSlug}/${segmentSlug}`} currentTime={() => playerRef.current?.currentTime() ?? time} />
        <button
          type="button"
          className="button button--small player-toolbar__shortcuts"
          onClick={() => dialogRef.current?.showModal()}
          aria-keyshortcuts="Shift+?"
        >
          Keyboard shortcuts <kbd aria-hidden="true">?</kbd>
        </button>
        <label className="player-toolbar__toggle">
          <input
            type="checkbox"
            checked={prefs.autoAdvance}
            onChange={(e) => update({ autoAdvance: e.target.checked })}
            data-testid="auto-advance-toggle"
          />{" "}
          Play the next segment automatically
        </label>
        {progress.completed ? (
          <span className="player-toolbar__done" data-testid="segment-completed">
            <span aria-hidden="true">✓</span> Watched
          </span>
        ) : null}
      </div>
      <WatchTabBar />
      <WatchPanel name="notes">
        <NotesPanel
          courseSlug={courseSlug}
          segmentSlug={segmentSlug}
          signedIn={props.preferences !== null}
          currentTime={() => playerRef.current?.currentTime() ?? time}
          onSeek={(t) => seek(t, true)}
          request={noteRequest}
        />
      </WatchPanel>
      <ShortcutsDialog ref={dialogRef} />
    </div>
  );
}
