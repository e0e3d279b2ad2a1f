import { describe, expect, it } from "vitest";
import { captionsToWebVtt } from "./captions-to-webvtt";

describe("captionsToWebVtt", () => {
  it("turns SRT into WebVTT (header, dot decimals, CRLF and BOM gone)", () => {
    const srt = "\uFEFF1\r\n00:00:01,000 --> 00:00:02,500\r\nHello, world\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nBye\r\n";
    expect(captionsToWebVtt(srt, "talk.srt")).toEqual({
      ok: true,
      vtt: "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.500\nHello, world\n\n2\n00:00:03.000 --> 00:00:04.000\nBye\n",
    });
  });

  it("keeps WebVTT as it is", () => {
    const vtt = "WEBVTT\n\n00:01.000 --> 00:02.000 align:start\nHi\n";
    expect(captionsToWebVtt(vtt, "talk.vtt")).toEqual({ ok: true, vtt });
  });

  it("names the file and line of a malformed cue, and refuses a file without cues", () => {
    expect(captionsToWebVtt("1\n00:00:01,000 --> 00:00:0x,000\nHi\n", "talk.srt")).toEqual({
      ok: false,
      message: 'talk.srt line 2: malformed cue timing "00:00:01,000 --> 00:00:0x,000"',
    });
    expect(captionsToWebVtt("just some text", "notes.vtt")).toEqual({
      ok: false,
      message: 'notes.vtt has no cues (no "00:00:01.000 --> 00:00:02.000" timing lines).',
    });
  });
});
