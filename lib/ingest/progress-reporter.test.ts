import { describe, expect, it } from "vitest";
import { clock, createProgressReporter } from "./progress-reporter";

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, isTTY, columns: 200, write: (c: string) => chunks.push(c) };
}

describe("createProgressReporter", () => {
  it("prints one plain line per event without a TTY (CI): start, quarters, finish with speed and ETA", () => {
    const out = stream(false);
    let t = 0;
    const r = createProgressReporter({ jobs: [{ id: "c/a", weight: 10 }, { id: "c/b", weight: 30 }], stream: out, now: () => t });
    r.start("c/a");
    t = 2_000;
    r.update("c/a", 0.5); // 5 media seconds in 2 s: 2.5× realtime; 35 s left at 2.5×: 14 s
    r.update("c/a", 0.6); // same quarter: no line
    t = 4_000;
    r.finish("c/a", "generated", "10.0 s of video");
    r.finish("c/b", "cached");
    r.close();
    expect(out.chunks).toEqual([
      "[0/2] encoding  c/a  10.0 s of media\n",
      "[0/2] progress  c/a  50%  2.5× realtime  overall 12%  2.5× realtime  ETA 0:14\n",
      "[1/2] generated c/a  10.0 s of video  2.5× realtime  overall 25%  ETA 0:12  (0:04 elapsed)\n",
      "[2/2] cached    c/b  overall 100%  ETA 0:00  (0:04 elapsed)\n",
    ]);
  });

  it("draws an overall bar and a bar per file on a TTY", () => {
    const prev = process.env.CI;
    delete process.env.CI;
    try {
      const out = stream(true);
      const r = createProgressReporter({ jobs: [{ id: "c/a", weight: 10 }, { id: "c/b", weight: 30 }], stream: out, now: () => 0 });
      r.start("c/b");
      r.finish("c/b", "generated");
      r.close();
      const text = out.chunks.join("");
      expect(text).toContain("[1/2] generated c/b");
      expect(text).toContain("overall 75%");
    } finally {
      if (prev !== undefined) process.env.CI = prev;
    }
  });

  it.each([[0, "0:00"], [65_000, "1:05"], [3_725_000, "1:02:05"], [-5, "0:00"]])("clock(%s) = %s", (ms, text) => {
    expect(clock(ms)).toBe(text);
  });
});
