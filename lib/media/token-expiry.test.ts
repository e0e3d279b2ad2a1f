import { describe, expect, it } from "vitest";
import { windowedExpiry } from "./token-expiry";

describe("windowedExpiry", () => {
  it("is the same for every moment of one window", () => {
    const start = 1_800_000_000 - (1_800_000_000 % 3600);
    const first = windowedExpiry(start, 3600);
    for (const offset of [0, 1, 1799, 3599]) expect(windowedExpiry(start + offset, 3600)).toBe(first);
    expect(windowedExpiry(start + 3600, 3600)).toBe(first + 3600);
  });

  it("always leaves at least one TTL and less than two", () => {
    for (const now of [0, 1, 59, 60, 1_800_000_001, 1_800_003_599]) {
      for (const ttl of [30, 60, 3600, 86_400]) {
        const left = windowedExpiry(now, ttl) - now;
        expect(left).toBeGreaterThanOrEqual(ttl);
        expect(left).toBeLessThan(2 * ttl + 1);
      }
    }
  });
});
