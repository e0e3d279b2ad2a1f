// Pure range arithmetic, shared by the browser and the server (no zod here: it would
// land in the player page's bundle). Validation of reported ranges: ranges-schema.ts.
/** [start, end) in media seconds. */
export type TRange = readonly [number, number];

/** Ranges closer than this are one range (timeupdate granularity, float noise). */
export const JOIN_TOLERANCE_SECONDS = 0.05;
const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Sorted, disjoint, clamped to [0, duration], rounded to ms; empty ranges dropped.
 * The one normal form stored and compared everywhere.
 */
export function normalizeRanges(ranges: readonly TRange[], durationSeconds = Infinity): [number, number][] {
  // Rounded before joining, so normalizing a normal form changes nothing (a gap that is 0.05 s
  // only after rounding would otherwise be joined on the next pass, not this one).
  const clamped = ranges
    .map(([s, e]) => [round(Math.max(0, Math.min(s, durationSeconds))), round(Math.max(0, Math.min(e, durationSeconds)))] as const)
    .filter(([s, e]) => Number.isFinite(s) && Number.isFinite(e) && e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [s, e] of clamped) {
    const last = out.at(-1);
    if (last && s <= last[1] + JOIN_TOLERANCE_SECONDS) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** The union of two sets of ranges (commutative, associative, idempotent). */
export function mergeRanges(a: readonly TRange[], b: readonly TRange[], durationSeconds = Infinity): [number, number][] {
  return normalizeRanges([...a, ...b], durationSeconds);
}

export function totalSeconds(ranges: readonly TRange[]): number {
  return round(normalizeRanges(ranges).reduce((sum, [s, e]) => sum + (e - s), 0));
}

/**
 * Most ranges kept per (user, segment): bounds the stored JSON and every merge. A viewer who
 * seeks around a lot can play more disjoint pieces than this; capRanges then coalesces.
 */
export const MAX_STORED_RANGES = 500;

/**
 * At most `max` ranges, by joining neighbours across the smallest gaps (ties: the earlier gap)
 * until few enough remain — the one approximation in progress tracking (issue 8). Joining a
 * gap does not change any other gap, so this joins exactly the (n − max) smallest gaps.
 * What it costs: the joined gaps appear watched in the ranges. Each is the smallest of more
 * than `max` gaps inside [0, duration], so each range over the cap adds at most
 * (unwatched time) / max — 0.2 % of the segment at 500 — and nothing watched is ever dropped.
 * Joined gaps never count as watched time or towards completion: record-progress.ts keeps
 * `watchedSeconds` from reported seconds only.
 */
export function capRanges(ranges: readonly TRange[], max = MAX_STORED_RANGES): [number, number][] {
  const sorted = normalizeRanges(ranges);
  if (sorted.length <= max) return sorted;
  const gaps = sorted.slice(1).map(([start], i) => ({ i, size: start - sorted[i]![1] }));
  gaps.sort((a, b) => a.size - b.size || a.i - b.i);
  const join = new Set(gaps.slice(0, sorted.length - Math.max(1, max)).map((g) => g.i));
  const out: [number, number][] = [];
  for (const [i, [s, e]] of sorted.entries()) {
    if (i > 0 && join.has(i - 1)) out.at(-1)![1] = e;
    else out.push([s, e]);
  }
  return out;
}
