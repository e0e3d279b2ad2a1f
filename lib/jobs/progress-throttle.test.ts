import { describe, expect, it } from "vitest";
import { PROGRESS_WRITE_MS, shouldWriteProgress } from "./progress-throttle";

describe("shouldWriteProgress", () => {
  it("writes the first report and the finish at once", () => {
    expect(shouldWriteProgress(undefined, { at: 0, progress: 0 })).toBe(true);
    expect(shouldWriteProgress({ at: 0, progress: 0.5 }, { at: 1, progress: 1 })).toBe(true);
  });

  it("writes no more than once per interval, and only when it moved a percent", () => {
    const last = { at: 1_000, progress: 0.2 };
    expect(shouldWriteProgress(last, { at: 1_000 + PROGRESS_WRITE_MS - 1, progress: 0.5 })).toBe(false);
    expect(shouldWriteProgress(last, { at: 1_000 + PROGRESS_WRITE_MS, progress: 0.205 })).toBe(false);
    expect(shouldWriteProgress(last, { at: 1_000 + PROGRESS_WRITE_MS, progress: 0.22 })).toBe(true);
  });
});
