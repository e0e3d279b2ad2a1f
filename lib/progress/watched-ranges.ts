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
  const clamped = ranges
    .map(([s, e]) => [Math.max(0, Math.min(s, durationSeconds)), Math.max(0, Math.min(e, durationSeconds))] as const)
    .filter(([s, e]) => Number.isFinite(s) && Number.isFinite(e) && e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [s, e] of clamped) {
    const last = out.at(-1);
    if (last && s <= last[1] + JOIN_TOLERANCE_SECONDS) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out.map(([s, e]) => [round(s), round(e)]);
}

/** The union of two sets of ranges (commutative, associative, idempotent). */
export function mergeRanges(a: readonly TRange[], b: readonly TRange[], durationSeconds = Infinity): [number, number][] {
  return normalizeRanges([...a, ...b], durationSeconds);
}

export function totalSeconds(ranges: readonly TRange[]): number {
  return round(normalizeRanges(ranges).reduce((sum, [s, e]) => sum + (e - s), 0));
}
