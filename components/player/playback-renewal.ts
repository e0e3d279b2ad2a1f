"use client";

import type { TPlayback } from "@/lib/media/segment-media-urls";
import {
  playbackApiUrl,
  readRenewal,
  renewalDelayMs,
  streamAddressOf,
  withCurrentToken,
  type TStreamAddress,
} from "@/lib/player/playback-renewal";
import { loadHlsSupport } from "./load-player-code";
import type { TPlayer } from "./video-player";

type TXhrOptions = { uri?: string; url?: string };
type TVhsXhr = { onRequest(hook: (o: TXhrOptions) => TXhrOptions): void; offRequest(hook: (o: TXhrOptions) => TXhrOptions): void };

const RETRY_MS = 10_000;

/**
 * Keeps a player's streaming URLs valid for as long as the page is open (issue 12): asks the
 * playback API again before the token expires, rewrites every later VHS request to the newest
 * token (so paused learners resume at the same position with no reload), and, if a request
 * still fails (a tab asleep past expiry), renews and reloads the source at the same time.
 * When the server says no (refund, revoked seat), renewal stops and `onDenied` says why.
 */
export function attachPlaybackRenewal(player: TPlayer, playback: TPlayback, onDenied: (message: string) => void): () => void {
  let current: TStreamAddress | null = streamAddressOf(playback.hls);
  if (!current) return () => {};
  const api = playbackApiUrl(current);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let inFlight: Promise<boolean> | null = null;
  let deniedMessage: string | null = null;

  const schedule = (ms: number) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(() => void renew(), ms);
  };

  /** true when `current` now holds fresh URLs. */
  const renew = (): Promise<boolean> => {
    inFlight ??= (async () => {
      try {
        const res = await fetch(api, { cache: "no-store", credentials: "same-origin" });
        const outcome = readRenewal(res.status, await res.json().catch(() => null));
        if (stopped) return false;
        if (outcome.kind === "renewed") {
          current = outcome.address;
          schedule(renewalDelayMs(outcome.issuedAt, outcome.expiresAt));
          return true;
        }
        if (outcome.kind === "denied") {
          stopped = true;
          deniedMessage = outcome.message;
          clearTimeout(timer);
          onDenied(outcome.message);
          return false;
        }
      } catch {
        // Offline for a moment: try again below.
      }
      schedule(RETRY_MS);
      return false;
    })().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };

  const rewrite = (options: TXhrOptions): TXhrOptions => {
    if (current && options.uri) options.uri = withCurrentToken(options.uri, current);
    return options;
  };
  let hooked: TVhsXhr | null = null;
  const hook = () => {
    const vhs = (player.tech({ IWillNotUseThisInPlugins: true }) as unknown as { vhs?: { xhr?: TVhsXhr } } | undefined)?.vhs;
    if (!vhs?.xhr || hooked === vhs.xhr) return;
    hooked = vhs.xhr;
    hooked.onRequest(rewrite);
  };
  player.on("xhr-hooks-ready", hook);
  player.ready(hook);

  // A request failed anyway (e.g. the tab slept past the expiry and VHS gave up, or the MP4's
  // next range was refused): renew, then load the HLS source at the same position.
  const recover = () => {
    const error = player.error();
    if (!error || error.code === 1) return;
    // Access ended: when the last URLs run out, the player says why instead of a generic error.
    if (deniedMessage !== null) {
      if (error.message !== deniedMessage) player.error(deniedMessage);
      return;
    }
    if (stopped) return;
    const at = player.currentTime() ?? 0;
    // The MP4 phase has no VHS yet (components/player/load-player-code.ts): recovery goes to HLS.
    void Promise.all([renew(), loadHlsSupport()]).then(([fresh]) => {
      if (!fresh || !current || stopped) return;
      player.error(null);
      player.src({ src: withCurrentToken(playback.hls, current), type: "application/x-mpegURL" });
      player.one("loadedmetadata", () => {
        player.currentTime(at);
        void player.play()?.catch(() => {});
      });
    }, () => {});
  };
  player.on("error", recover);

  schedule(renewalDelayMs(playback.issuedAt, playback.expiresAt));
  return () => {
    stopped = true;
    clearTimeout(timer);
    hooked?.offRequest(rewrite);
    player.off("xhr-hooks-ready", hook);
    player.off("error", recover);
  };
}
