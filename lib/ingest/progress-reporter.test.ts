import { describe, expect, it } from "vitest";
import { createProgressReporter } from "./progress-reporter";

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, isTTY, columns: 200, write: (c: string) => chunks.push(c) };
}

describe("createProgressReporter", () => {
  it("prints plain lines without a TTY (CI)", () => {
    const out = stream(false);
    let t = 0;
    const r = createProgressReporter({ jobs: [{ id: "c/a", weight: 10 }, { id: "c/b", weight: 30 }], stream: out, now: () => t });
    r.start("c/a");
    r.update("c/a", 0.5);
    t = 65_000;
    r.finish("c/a", "generated", "10.0 s of video");
    r.finish("c/b", "cached");
    r.close();
    expect(out.chunks).toEqual([
      "[1/2] generated c/a  10.0 s of video  (1:05 elapsed)\n",
      "[2/2] cached    c/b  (1:05 elapsed)\n",
    ]);
  });

  it("draws a weighted percent bar on a TTY", () => {
    const prev = process.env.CI;
    delete process.env.CI;
    try {
      const out = stream(true);
      const r = createProgressReporter({ jobs: [{ id: "c/a", weight: 10 }, { id: "c/b", weight: 30 }], stream: out, now: () => 0 });
      r.start("c/b");
      r.finish("c/b", "generated");
      expect(out.chunks.join("")).toContain("1/2 segments  75%");
      r.close();
    } finally {
      if (prev !== undefined) process.env.CI = prev;
    }
  });
});
