import { totalSeconds, type TRange } from "./watched-ranges";

/** A segment is complete when this share of its duration has really been played. */
export const COMPLETION_RATIO = 0.9;

/**
 * The completion rule, the one place it is written: watched time (the union of played
 * ranges, so re-watching a minute counts once and seeking past counts nothing) must reach
 * 90 % of the duration.
 */
export function isComplete(ranges: readonly TRange[], durationSeconds: number): boolean {
  return hasWatchedEnough(totalSeconds(ranges), durationSeconds);
}

/** The same rule on a watched-seconds total (the server's, which excludes gaps joined by capRanges). */
export function hasWatchedEnough(watchedSeconds: number, durationSeconds: number): boolean {
  if (!(durationSeconds > 0)) return false;
  return watchedSeconds >= COMPLETION_RATIO * durationSeconds - 1e-6;
}
