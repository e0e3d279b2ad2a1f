import { normalizeRanges, type TRange } from "./watched-ranges";

/**
 * Turns a player's time updates into the ranges really played. Shared by the browser (fed
 * from video.js events) and tests. A jump — a seek, or a time update that moves further
 * than playback could have (> MAX_STEP seconds, generous for 2× speed and throttled tabs) —
 * starts a new range instead of stretching the old one, so seeking never counts as watching.
 */
export const MAX_STEP_SECONDS = 3;

export class WatchTracker {
  private ranges: [number, number][] = [];
  private last: number | null = null;

  constructor(initial: readonly TRange[] = []) {
    this.ranges = normalizeRanges(initial);
  }

  /** A time update while playing. */
  tick(time: number): void {
    if (!Number.isFinite(time)) return;
    const last = this.last;
    this.last = time;
    if (last === null) return;
    const step = time - last;
    if (step <= 0 || step > MAX_STEP_SECONDS) return;
    this.ranges = normalizeRanges([...this.ranges, [last, time]]);
  }

  /** Seeking, pausing, ending, buffering: the next tick starts a new range. */
  interrupt(): void {
    this.last = null;
  }

  /** Playback (re)starts at `time`. */
  resume(time: number): void {
    this.last = Number.isFinite(time) ? time : null;
  }

  add(ranges: readonly TRange[]): void {
    this.ranges = normalizeRanges([...this.ranges, ...ranges]);
  }

  snapshot(): [number, number][] {
    return this.ranges.map(([s, e]) => [s, e]);
  }
}
