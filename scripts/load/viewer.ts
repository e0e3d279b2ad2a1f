import type { TLearner, TWatchable } from "./audience";
import type { THttpClient, TResponse } from "./http-client";
import type { LatencyLog, TEndpoint } from "./latency";

/** How often the player saves progress while playing (components/player/use-progress-reporting.ts). */
export const SAVE_EVERY_MS = 10_000;

export type TViewerPlan = {
  /** A learner posts progress with their session; an anonymous viewer only watches. */
  learner: TLearner | null;
  watchlist: TWatchable[];
  /** Where in the watchlist this viewer starts, so viewers spread over the catalog. */
  firstIndex: number;
  /** Which rendition of the master playlist to stream (index, wraps). */
  variant: number;
};

/**
 * What one learner reported for one segment: every POST sent, and which the server
 * acknowledged (200). A POST that failed on the client (a timeout) may still have been applied,
 * so the database must hold at least the acknowledged reports and at most the sent ones.
 */
export type TAcked = {
  userId: string;
  course: string;
  segment: string;
  durationSeconds: number;
  /** Positions sent, in order (each report is [0, position]). */
  sent: number[];
  acked: number;
  failed: number;
  maxAcked: number;
  lastAcked: number;
};
export type TLedger = Map<string, TAcked>;

type TContext = { http: THttpClient; log: LatencyLog; ledger: TLedger; origin: string; deadline: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const roundMs = (n: number) => Math.round(n * 1000) / 1000;

/**
 * One viewer, like the player in a browser: segment after segment until the deadline, each one
 * playback API → master playlist → variant playlist → its media segments at real-time pace
 * (segment i requested when playback reaches it), and, signed in, progress saved every 10 s,
 * at the end of the segment and when the viewer leaves. Never throws: failures go to the log.
 */
export async function runViewer(ctx: TContext, plan: TViewerPlan): Promise<void> {
  for (let i = plan.firstIndex; performance.now() < ctx.deadline; i++) {
    const ok = await watchSegment(ctx, plan, plan.watchlist[i % plan.watchlist.length]!);
    if (!ok) await sleep(1_000); // a viewer whose request failed tries the next segment, not a retry storm
  }
}

async function watchSegment(ctx: TContext, plan: TViewerPlan, w: TWatchable): Promise<boolean> {
  const headers: Record<string, string> = plan.learner ? { cookie: plan.learner.cookie } : {};
  const playback = await get(ctx, "playback", `/api/courses/${w.course}/segments/${w.segment}/playback`, headers, "application/json");
  if (!playback) return false;
  const { hls, segment } = JSON.parse(playback.body.toString()) as { hls: string; segment: { durationSeconds: number } };
  const master = await get(ctx, "playlist", hls, headers, "mpegurl");
  if (!master) return false;
  const variantPath = pick(uris(master.body.toString()), plan.variant);
  if (!variantPath) return fail(ctx, "playlist", `${hls}: no variant`);
  const variantUrl = new URL(variantPath, `http://x${hls}`).pathname;
  const variant = await get(ctx, "playlist", variantUrl, headers, "mpegurl");
  if (!variant) return false;
  const media = mediaSegments(variant.body.toString());
  if (media.length === 0) return fail(ctx, "playlist", `${variantUrl}: no media segments`);

  const duration = segment.durationSeconds;
  const t0 = performance.now();
  const position = () => roundMs(Math.min(duration, (performance.now() - t0) / 1000));
  const saver = plan.learner ? progressSaver(ctx, plan.learner, w, duration) : null;
  let nextSave = t0 + SAVE_EVERY_MS;
  // Sleeps until `at`, saving progress on the way whenever 10 s of playing have passed.
  const playUntil = async (at: number) => {
    for (;;) {
      const until = Math.min(at, ctx.deadline);
      if (saver && nextSave <= until) {
        await sleep(nextSave - performance.now());
        saver.save(position());
        nextSave += SAVE_EVERY_MS;
        continue;
      }
      await sleep(until - performance.now());
      return performance.now() < ctx.deadline;
    }
  };

  let due = t0;
  let ok = true;
  for (const m of media) {
    if (!(await playUntil(due))) break;
    const url = new URL(m.uri, `http://x${variantUrl}`).pathname;
    ok = (await get(ctx, "segment", url, headers, "video/mp2t")) !== null && ok;
    due += m.seconds * 1000;
  }
  await playUntil(t0 + duration * 1000); // to the end, or until the viewer leaves
  saver?.save(position()); // "ended" (or the page is left): the player saves once more
  await saver?.flushed();
  return ok;
}

/** Progress POSTs of one viewer on one segment, one after another like the player's. */
function progressSaver(ctx: TContext, learner: TLearner, w: TWatchable, durationSeconds: number) {
  let chain: Promise<void> = Promise.resolve();
  let lastSent = -1;
  return {
    save(positionSeconds: number) {
      if (positionSeconds <= 0 || positionSeconds === lastSent) return;
      lastSent = positionSeconds;
      const key = `${learner.userId}\0${w.course}/${w.segment}`;
      const entry = ctx.ledger.get(key) ?? { userId: learner.userId, ...w, durationSeconds, sent: [], acked: 0, failed: 0, maxAcked: 0, lastAcked: 0 };
      ctx.ledger.set(key, entry);
      const body = JSON.stringify({ course: w.course, segment: w.segment, positionSeconds, ranges: [[0, positionSeconds]] });
      chain = chain.then(async () => {
        entry.sent.push(positionSeconds);
        const res = await send(ctx, "progress", "/api/progress", {
          method: "POST",
          headers: { cookie: learner.cookie, "content-type": "application/json", origin: ctx.origin },
          body,
        });
        const state = res ? (JSON.parse(res.body.toString()) as { watchedSeconds?: unknown }) : null;
        if (res && typeof state?.watchedSeconds !== "number") fail(ctx, "progress", `unexpected body ${res.body.toString().slice(0, 200)}`);
        if (typeof state?.watchedSeconds !== "number") {
          entry.failed++;
          return;
        }
        entry.acked++;
        entry.maxAcked = Math.max(entry.maxAcked, positionSeconds);
        entry.lastAcked = positionSeconds;
      });
    },
    flushed: () => chain,
  };
}

async function get(ctx: TContext, endpoint: TEndpoint, path: string, headers: Record<string, string>, type: string) {
  const res = await send(ctx, endpoint, path, { headers, keepBody: endpoint !== "segment" });
  if (!res) return null;
  const contentType = String(res.headers["content-type"] ?? "");
  const length = Number(res.headers["content-length"] ?? res.bytes);
  if (!contentType.includes(type)) {
    fail(ctx, endpoint, `${path}: content-type ${contentType}`);
    return null;
  }
  if (res.bytes === 0 || res.bytes !== length) {
    fail(ctx, endpoint, `${path}: ${res.bytes} bytes, content-length ${length}`);
    return null;
  }
  return res;
}

/** One request; anything but a 200 (or a network error, or a timeout) is logged as a failure. */
async function send(ctx: TContext, endpoint: TEndpoint, path: string, init: Parameters<THttpClient["request"]>[1]) {
  const started = performance.now();
  let res: TResponse;
  try {
    res = await ctx.http.request(path, init);
  } catch (error) {
    ctx.log.error(endpoint, `${path}: ${(error as Error).message}`, performance.now() - started);
    return null;
  }
  ctx.log.bytes += res.bytes;
  if (res.status !== 200) {
    ctx.log.error(endpoint, `${path}: HTTP ${res.status} ${res.body.toString().slice(0, 200)}`, res.ms);
    return null;
  }
  ctx.log.ok(endpoint, res.ms);
  return res;
}

function fail(ctx: TContext, endpoint: TEndpoint, message: string): false {
  ctx.log.error(endpoint, message);
  return false;
}

function uris(playlist: string): string[] {
  return playlist.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
}

function mediaSegments(playlist: string): { uri: string; seconds: number }[] {
  const out: { uri: string; seconds: number }[] = [];
  let seconds = 0;
  for (const line of playlist.split("\n").map((l) => l.trim())) {
    const inf = /^#EXTINF:([\d.]+)/.exec(line);
    if (inf) seconds = Number(inf[1]);
    else if (line && !line.startsWith("#")) out.push({ uri: line, seconds });
  }
  return out;
}

const pick = <T>(list: T[], i: number): T | undefined => list[i % Math.max(1, list.length)];
