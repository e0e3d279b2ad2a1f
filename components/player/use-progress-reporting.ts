"use client";

import { useEffect, useRef, useState } from "react";
import { isComplete } from "@/lib/progress/completion";
import { WatchTracker } from "@/lib/progress/watch-tracker";
import { localProgressKey, saveLocalProgress } from "@/lib/player/local-store";
import type { TPlayer } from "./video-player";

const SAVE_EVERY_MS = 10_000;
/** A save the server did not take (offline, an instance restarting: 5xx) is sent again this soon. */
const RETRY_FAILED_SAVE_MS = 3_000;

type TOptions = {
  course: string;
  segment: string;
  durationSeconds: number;
  signedIn: boolean;
  initiallyCompleted: boolean;
};

/**
 * Records what is really played (WatchTracker: seeks never count) and saves it: signed-in
 * viewers to POST /api/progress every 10 s while playing, on pause/end, and with
 * navigator.sendBeacon when the page is hidden or left; anonymous viewers to localStorage.
 * Returns `attach(player)` for VideoPlayer's onReady and whether the segment is complete.
 */
export function useProgressReporting(o: TOptions) {
  const [completed, setCompleted] = useState(o.initiallyCompleted);
  /** The certificate's URL when this report completed the whole course. */
  const [certificateUrl, setCertificateUrl] = useState<string | null>(null);
  const opts = useRef(o);
  opts.current = o;
  const attachRef = useRef<(player: TPlayer) => () => void>(null as never);

  attachRef.current = (player: TPlayer) => {
    const tracker = new WatchTracker();
    let lastSaved = Date.now();
    let dirty = false;
    let retry: ReturnType<typeof setTimeout> | undefined;

    const save = (how: "fetch" | "beacon") => {
      const { course, segment, signedIn, durationSeconds } = opts.current;
      const positionSeconds = player.currentTime() ?? 0;
      const ranges = tracker.snapshot();
      lastSaved = Date.now();
      if (!dirty && how === "fetch" && ranges.length === 0) return;
      dirty = false;
      if (!signedIn) {
        const entry = saveLocalProgress(localProgressKey(course, segment), ranges, positionSeconds);
        if (isComplete(entry.ranges, durationSeconds)) setCompleted(true);
        return;
      }
      const body = JSON.stringify({ course, segment, positionSeconds, ranges });
      if (how === "beacon" && typeof navigator.sendBeacon === "function") {
        navigator.sendBeacon("/api/progress", new Blob([body], { type: "application/json" }));
        return;
      }
      // The ranges are cumulative and the server merges them, so sending them again is safe.
      const failed = () => {
        dirty = true;
        clearTimeout(retry);
        retry = setTimeout(() => save("fetch"), RETRY_FAILED_SAVE_MS);
      };
      void fetch("/api/progress", { method: "POST", headers: { "content-type": "application/json" }, body, keepalive: true })
        .then((r) => {
          if (r.status >= 500) failed();
          return r.ok ? (r.json() as Promise<{ completed: boolean; certificate?: { url: string; issued: boolean } }>) : null;
        })
        .then((state) => {
          if (state?.completed) setCompleted(true);
          if (state?.certificate?.issued) setCertificateUrl(new URL(state.certificate.url).pathname);
        })
        .catch(failed);
    };

    const onTime = () => {
      if (player.paused() || player.seeking()) return;
      tracker.tick(player.currentTime() ?? 0);
      dirty = true;
      if (Date.now() - lastSaved >= SAVE_EVERY_MS) save("fetch");
    };
    const onPlaying = () => tracker.resume(player.currentTime() ?? 0);
    const onSeeking = () => tracker.interrupt();
    const onStop = () => {
      tracker.interrupt();
      save("fetch");
    };
    const onHide = () => {
      if (document.visibilityState === "hidden") save("beacon");
    };
    const onPageHide = () => save("beacon");

    player.on("timeupdate", onTime);
    player.on("playing", onPlaying);
    player.on("seeking", onSeeking);
    player.on("pause", onStop);
    player.on("ended", onStop);
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      clearTimeout(retry);
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("pagehide", onPageHide);
      // Leaving the page within the app (client navigation): keep what was watched.
      if (dirty) save("beacon");
    };
  };

  return { completed, certificateUrl, attach: (player: TPlayer) => attachRef.current(player) };
}
