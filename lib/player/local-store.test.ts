// Anonymous progress in localStorage past 500 ranges (issue 8): coalesced like the server's,
// never truncated, and always small enough for POST /api/progress to accept when synced.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ZRanges } from "../progress/ranges-schema";
import { MAX_STORED_RANGES } from "../progress/watched-ranges";
import { localProgressKey, readLocalProgress, saveLocalProgress } from "./local-store";

/** The Web Storage API over a Map: Node has no localStorage, and this is all local-store uses. */
class MemoryStorage {
  private items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const g = globalThis as { window?: unknown };
beforeEach(() => {
  g.window = { localStorage: new MemoryStorage() };
});
afterEach(() => {
  delete g.window;
});

describe("local progress past the range cap", () => {
  it("keeps every watched piece of 600 disjoint saves, within the cap the server accepts", () => {
    const key = localProgressKey("course", "intro");
    for (let i = 0; i < 600; i++) saveLocalProgress(key, [[i, i + 0.5]], i);
    const entry = readLocalProgress()[key]!;
    expect(entry.ranges.length).toBeLessThanOrEqual(MAX_STORED_RANGES);
    expect(ZRanges.safeParse(entry.ranges).success).toBe(true);
    for (let i = 0; i < 600; i++) {
      expect(entry.ranges.some(([s, e]) => s <= i && i + 0.5 <= e), `range ${i}`).toBe(true);
    }
  });

  it("reads an entry stored over the cap as coalesced ranges, not its first 500", () => {
    const many = Array.from({ length: 600 }, (_, i) => [i, i + 0.5]);
    (g.window as { localStorage: MemoryStorage }).localStorage.setItem(
      "lectern:progress:v1",
      JSON.stringify({ "course/intro": { ranges: many, positionSeconds: 1, updatedAt: 1 } }),
    );
    const entry = readLocalProgress()["course/intro"]!;
    expect(entry.ranges.length).toBe(MAX_STORED_RANGES);
    expect(entry.ranges.at(-1)).toEqual([599, 599.5]);
  });
});
