import { describe, expect, it } from "vitest";
import { parseStoredRanges, ZRanges } from "./ranges-schema";
import { capRanges, MAX_STORED_RANGES, mergeRanges, normalizeRanges, totalSeconds } from "./watched-ranges";
import { isComplete } from "./completion";
import { WatchTracker } from "./watch-tracker";

describe("normalizeRanges / mergeRanges", () => {
  it("sorts, joins overlapping and touching ranges, drops empty ones", () => {
    expect(normalizeRanges([[10, 20], [0, 5], [4, 8], [8, 9], [30, 30]])).toEqual([[0, 9], [10, 20]]);
  });
  it("clamps to the duration", () => {
    expect(normalizeRanges([[-5, 3], [25, 99]], 30)).toEqual([[0, 3], [25, 30]]);
  });
  it("is a union: commutative, associative and idempotent", () => {
    const a: [number, number][] = [[0, 4], [10, 12]];
    const b: [number, number][] = [[3, 6], [20, 25]];
    const c: [number, number][] = [[11, 21]];
    expect(mergeRanges(a, b)).toEqual(mergeRanges(b, a));
    expect(mergeRanges(mergeRanges(a, b), c)).toEqual(mergeRanges(a, mergeRanges(b, c)));
    expect(mergeRanges(a, a)).toEqual(normalizeRanges(a));
    expect(mergeRanges(mergeRanges(a, b), c)).toEqual([[0, 6], [10, 25]]);
  });
  it("sums watched time once however often a range is reported", () => {
    expect(totalSeconds([[0, 10], [5, 15], [0, 10]])).toBe(15);
  });
  it("reads a corrupt stored value as nothing watched", () => {
    expect(parseStoredRanges("not json")).toEqual([]);
    expect(parseStoredRanges('[[1,"x"]]')).toEqual([]);
    expect(parseStoredRanges("[[3,4],[0,1]]")).toEqual([[0, 1], [3, 4]]);
  });
  it("validates reported ranges", () => {
    expect(ZRanges.safeParse([[5, 1]]).success).toBe(false);
    expect(ZRanges.safeParse([[0, Infinity]]).success).toBe(false);
    expect(ZRanges.safeParse([[-1, 1]]).success).toBe(false);
    expect(ZRanges.safeParse([[0, 1.5]]).success).toBe(true);
  });
});

describe("capRanges", () => {
  it("joins neighbours across the smallest gaps until at most `max` remain", () => {
    const ranges: [number, number][] = [[0, 1], [1.5, 2], [5, 6], [6.2, 7]];
    expect(capRanges(ranges, 4)).toEqual(ranges);
    expect(capRanges(ranges, 3)).toEqual([[0, 1], [1.5, 2], [5, 7]]);
    expect(capRanges(ranges, 2)).toEqual([[0, 2], [5, 7]]);
    expect(capRanges(ranges, 1)).toEqual([[0, 7]]);
    // Equal gaps: the earlier one is joined first.
    expect(capRanges([[0, 1], [2, 3], [4, 5]], 2)).toEqual([[0, 3], [4, 5]]);
  });

  it("never drops a watched second and over-claims only the joined (smallest) gaps", () => {
    for (let round = 0; round < 20; round++) {
      const input = normalizeRanges(
        Array.from({ length: 700 + round * 10 }, () => {
          // Whole milliseconds, as stored: normalizing doesn't move them.
          const start = Math.floor(Math.random() * 3_600_000) / 1000;
          return [start, start + Math.floor(Math.random() * 3000) / 1000] as [number, number];
        }),
      );
      const capped = capRanges(input, MAX_STORED_RANGES);
      expect(capped.length).toBe(Math.min(input.length, MAX_STORED_RANGES));
      for (const [a, b] of input) expect(capped.some(([s, e]) => s <= a && b <= e)).toBe(true);
      const gaps = input.slice(1).map(([s], i) => s - input[i]![1]).sort((x, y) => x - y);
      const smallest = gaps.slice(0, input.length - capped.length).reduce((n, g) => n + g, 0);
      expect(totalSeconds(capped) - totalSeconds(input)).toBeCloseTo(smallest, 2);
    }
  });

  it("reads a stored value over the cap as coalesced ranges, not as nothing watched", () => {
    const many = Array.from({ length: 600 }, (_, i) => [i, i + 0.5]);
    const read = parseStoredRanges(JSON.stringify(many));
    expect(read).toHaveLength(MAX_STORED_RANGES);
    // 100 gaps to join, all 0.5 s: the earliest ones go.
    expect(read[0]).toEqual([0, 100.5]);
    expect(read[1]).toEqual([101, 101.5]);
    expect(read.at(-1)).toEqual([599, 599.5]);
    expect(totalSeconds(read)).toBe(600 * 0.5 + 100 * 0.5);
  });
});

describe("isComplete", () => {
  it("needs 90 % of the duration really watched", () => {
    expect(isComplete([[0, 8.99]], 10)).toBe(false);
    expect(isComplete([[0, 9]], 10)).toBe(true);
    expect(isComplete([[0, 5], [5.5, 9.5]], 10)).toBe(true);
  });
  it("does not count the same seconds twice", () => {
    expect(isComplete([[0, 5], [0, 5], [1, 4]], 10)).toBe(false);
  });
  it("never completes a segment without a duration", () => {
    expect(isComplete([[0, 5]], 0)).toBe(false);
  });
});

describe("WatchTracker", () => {
  const play = (t: WatchTracker, from: number, to: number, step = 0.25) => {
    t.resume(from);
    for (let x = from + step; x <= to + 1e-9; x += step) t.tick(Math.round(x * 1000) / 1000);
  };
  it("records continuous playback as one range", () => {
    const t = new WatchTracker();
    play(t, 0, 5);
    expect(t.snapshot()).toEqual([[0, 5]]);
  });
  it("a seek to the end adds nothing", () => {
    const t = new WatchTracker();
    play(t, 0, 2);
    t.interrupt(); // seeking
    t.resume(9.5);
    t.tick(10);
    expect(t.snapshot()).toEqual([[0, 2], [9.5, 10]]);
    expect(isComplete(t.snapshot(), 10)).toBe(false);
  });
  it("ignores a time jump reported without a seek event", () => {
    const t = new WatchTracker();
    play(t, 0, 1);
    t.tick(60);
    t.tick(60.25);
    expect(t.snapshot()).toEqual([[0, 1], [60, 60.25]]);
  });
  it("counts 2× playback (0.5 s per time update)", () => {
    const t = new WatchTracker();
    play(t, 0, 10, 0.5);
    expect(isComplete(t.snapshot(), 10)).toBe(true);
  });
  it("ignores ticks while interrupted and backwards steps", () => {
    const t = new WatchTracker([[0, 1]]);
    t.interrupt();
    t.tick(5);
    t.tick(4);
    expect(t.snapshot()).toEqual([[0, 1]]);
  });
});
