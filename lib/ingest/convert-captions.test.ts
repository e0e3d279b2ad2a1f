import { describe, expect, it } from "vitest";
import { convertCaptions } from "./convert-captions";

describe("convertCaptions", () => {
  it("converts SRT to WebVTT: commas to dots, numbering, CRLF and BOM, markup", () => {
    const srt = "\uFEFF1\r\n00:00:01,000 --> 00:00:02,500\r\nHello <i>world</i> & <font color=\"red\">friends</font>\r\n\r\n2\r\n00:00:03,000 --> 00:00:05,000 X1:10 X2:20\r\n{\\an8}Two lines\r\nsecond --> line\r\n";
    const result = convertCaptions(srt, "srt");
    expect(result).toEqual({
      ok: true,
      cues: [
        { start: 1, end: 2.5, text: "Hello <i>world</i> &amp; friends" },
        { start: 3, end: 5, text: "Two lines\nsecond → line" },
      ],
      vtt: "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.500\nHello <i>world</i> &amp; friends\n\n2\n00:00:03.000 --> 00:00:05.000\nTwo lines\nsecond → line\n",
    });
  });

  it("reads SRT without cue numbers and with extra blank lines", () => {
    const result = convertCaptions("\n\n00:00:00,500 --> 00:00:01,000\nA\n\n\n\n00:00:01,000 --> 00:00:01,5\nB\n", "srt");
    expect(result.ok && result.cues).toEqual([
      { start: 0.5, end: 1, text: "A" },
      { start: 1, end: 1.5, text: "B" },
    ]);
  });

  it("reports malformed SRT cues with their line numbers", () => {
    const srt = [
      "1", "00:00:01,000 --> 00:00:02,000", "fine", "",
      "2", "00:00:03,000 -> 00:00:04,000", "arrow typo", "",
      "3", "00:00:06,000 --> 00:00:05,000", "backwards", "",
      "4", "00:00:07,000 --> 00:00:08,000", "",
      "5", "00:61:00,000 --> 00:62:00,000", "bad minutes", "",
      "just some text", "",
    ].join("\n");
    const result = convertCaptions(srt, "srt");
    expect(result).toEqual({
      ok: false,
      problems: [
        { line: 6, message: 'expected a cue timing line (00:00:01,000 --> 00:00:02,500), found "00:00:03,000 -> 00:00:04,000"' },
        { line: 10, message: "the cue ends (00:00:05.000) before it starts (00:00:06.000)" },
        { line: 14, message: "the cue has no text" },
        { line: 17, message: 'minutes and seconds must be below 60 in "00:61:00,000 --> 00:62:00,000"' },
        { line: 20, message: 'expected a cue timing line (00:00:01,000 --> 00:00:02,500), found "just some text"' },
      ],
    });
  });

  it("flags a block that is only text", () => {
    expect(convertCaptions("00:00:01,000 --> 00:00:02,000\nok\n\nstray text\n", "srt")).toEqual({
      ok: false,
      problems: [{ line: 4, message: 'expected a cue timing line (00:00:01,000 --> 00:00:02,500), found "stray text"' }],
    });
  });

  it("checks and normalises WebVTT: header, NOTE blocks, identifiers, hours left out", () => {
    const vtt = "WEBVTT - lecture\nKind: captions\n\nNOTE written by hand\n\nintro\n00:01.000 --> 00:02.000 line:0\nHi\n\n00:00:02.000 --> 00:00:03.000\nThere\n";
    expect(convertCaptions(vtt, "vtt")).toMatchObject({
      ok: true,
      vtt: "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nHi\n\n2\n00:00:02.000 --> 00:00:03.000\nThere\n",
    });
    expect(convertCaptions("1\n00:00:01.000 --> 00:00:02.000\nHi\n", "vtt")).toEqual({
      ok: false,
      problems: [{ line: 1, message: 'a WebVTT file must start with "WEBVTT"' }],
    });
  });

  it("refuses a file without cues", () => {
    expect(convertCaptions("", "srt")).toEqual({ ok: false, problems: [{ line: 1, message: "no cues found" }] });
    expect(convertCaptions("WEBVTT\n", "vtt")).toEqual({ ok: false, problems: [{ line: 1, message: "no cues found" }] });
  });
});
