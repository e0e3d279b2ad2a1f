import { describe, expect, it } from "vitest";
import { renderChaptersVtt } from "./render-chapters-vtt";
import { renderSampleCaptions } from "./render-sample-captions";
import { webvttTime } from "./webvtt-time";

const base = {
  courseTitle: "Enterprise Software with Python",
  segmentTitle: "What is Python?",
  subtitle: "3 Perspectives for the Organization",
  titleCardSeconds: 4,
  toneHz: 440,
  chapters: [],
};

function cues(vtt: string) {
  return vtt
    .trim()
    .split("\n\n")
    .slice(1)
    .map((block) => {
      const [, timing, ...text] = block.split("\n");
      const [start, end] = timing!.split(" --> ");
      return { start, end, text: text.join("\n") };
    });
}

describe("renderSampleCaptions", () => {
  it("captions the title card with its on-screen text, then the pattern, up to the measured end", () => {
    const vtt = renderSampleCaptions({ ...base, durationSeconds: 15 });
    expect(vtt.startsWith("WEBVTT\n\n")).toBe(true);
    const list = cues(vtt);
    expect(list[0]).toEqual({
      start: "00:00:00.000",
      end: "00:00:04.000",
      text: "[Title card] Enterprise Software with Python\nWhat is Python?: 3 Perspectives for the Organization",
    });
    expect(list[1]!.text).toContain("test pattern");
    expect(list[1]!.text).toContain("440 Hz");
    expect(list.at(-1)!.end).toBe("00:00:15.000");
    // Contiguous, no cue longer than 6 s.
    for (let i = 1; i < list.length; i++) expect(list[i]!.start).toBe(list[i - 1]!.end);
    expect(list.map((c) => c.start)).toEqual(["00:00:00.000", "00:00:04.000", "00:00:10.000"]);
  });

  it("names each chapter when its label appears", () => {
    const vtt = renderSampleCaptions({
      ...base,
      durationSeconds: 20,
      chapters: [{ at: 0, title: "Title card" }, { at: 4, title: "Part A" }, { at: 12, title: "Part B" }],
    });
    const list = cues(vtt);
    expect(list.find((c) => c.start === "00:00:04.000")!.text).toContain("Chapter label on screen: Part A");
    expect(list.find((c) => c.start === "00:00:12.000")!.text).toContain("Chapter label on screen: Part B");
    expect(list.at(-1)!.end).toBe("00:00:20.000");
  });

  it("omits the subtitle separator when there is none, and never emits -->", () => {
    const vtt = renderSampleCaptions({ ...base, subtitle: "", segmentTitle: "A --> B", durationSeconds: 10 });
    expect(cues(vtt)[0]!.text).toBe("[Title card] Enterprise Software with Python\nA → B");
  });
});

describe("renderChaptersVtt", () => {
  it("runs each chapter to the next one and the last to the end", () => {
    const list = cues(renderChaptersVtt([{ at: 0, title: "A" }, { at: 4.5, title: "B" }], 10));
    expect(list).toEqual([
      { start: "00:00:00.000", end: "00:00:04.500", text: "A" },
      { start: "00:00:04.500", end: "00:00:10.000", text: "B" },
    ]);
  });
});

describe("webvttTime", () => {
  it("formats hours, minutes, seconds and milliseconds", () => {
    expect(webvttTime(0)).toBe("00:00:00.000");
    expect(webvttTime(3723.4567)).toBe("01:02:03.457");
  });
});
