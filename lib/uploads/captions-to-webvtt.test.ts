import { describe, expect, it } from "vitest";
import { captionsToWebVtt } from "./captions-to-webvtt";

describe("captionsToWebVtt (the import's converter, for uploads)", () => {
  it("turns SRT into WebVTT", () => {
    const srt = "\uFEFF1\r\n00:00:01,000 --> 00:00:02,500\r\nHello, world\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nBye\r\n";
    const result = captionsToWebVtt(srt, "talk.srt");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.vtt.startsWith("WEBVTT")).toBe(true);
    expect(result.vtt).toContain("00:00:01.000 --> 00:00:02.500\nHello, world");
    expect(result.vtt).toContain("00:00:03.000 --> 00:00:04.000\nBye");
  });

  it("checks WebVTT and keeps its cues", () => {
    const result = captionsToWebVtt("WEBVTT\n\n00:01.000 --> 00:02.000 align:start\nHi\n", "talk.vtt");
    expect(result.ok && result.vtt).toContain("Hi");
  });

  it("names the file and line of a malformed cue, and refuses a file without cues", () => {
    const bad = captionsToWebVtt("1\n00:00:01,000 --> 00:00:0x,000\nHi\n", "talk.srt");
    expect(bad).toMatchObject({ ok: false });
    expect(!bad.ok && bad.message).toMatch(/^talk\.srt line 2: unreadable cue timing/);
    const empty = captionsToWebVtt("just some text", "notes.vtt");
    expect(!empty.ok && empty.message).toMatch(/^notes\.vtt line 1: /);
  });
});
