import { describe, expect, it } from "vitest";
import { CAPTIONS_MAX_BYTES, decideUpload } from "./upload-rules";

const MAX = 100 * 1024 * 1024;
const video = (over: Record<string, string | null> = {}, size?: number) =>
  decideUpload({ metadata: { segmentId: "seg_1", kind: "video", filename: "talk.mp4", filetype: "video/mp4", ...over }, size, maxVideoBytes: MAX });

describe("decideUpload", () => {
  it("takes a video within the limit and captions with a language (English unless named)", () => {
    expect(video({}, 1000)).toMatchObject({ ok: true, metadata: { kind: "video", filename: "talk.mp4" } });
    expect(video({ filename: "screen.MOV", filetype: "video/quicktime" }, 1000)).toMatchObject({ ok: true });
    expect(video({ filename: "raw.mkv", filetype: "" }, 1000)).toMatchObject({ ok: true });
    expect(decideUpload({ metadata: { segmentId: "s", kind: "captions", filename: "talk.srt" }, size: 10, maxVideoBytes: MAX })).toMatchObject({
      ok: true,
      metadata: { language: "en" },
    });
    expect(
      decideUpload({ metadata: { segmentId: "s", kind: "captions", filename: "talk.de.vtt", language: "de" }, size: 10, maxVideoBytes: MAX }),
    ).toMatchObject({ ok: true, metadata: { language: "de" } });
  });

  it.each([
    [{ filename: "notes.pdf", filetype: "application/pdf" }, 1000, "notes.pdf is not a video file (expected .mp4, .m4v, .mov, .mkv, .webm, .avi, .mts, .ts, .mpg, .mpeg, .ogv)."],
    [{ filename: "evil.mp4", filetype: "text/html" }, 1000, "evil.mp4 is not a video file (expected .mp4, .m4v, .mov, .mkv, .webm, .avi, .mts, .ts, .mpg, .mpeg, .ogv)."],
    [{}, MAX + 1, "talk.mp4 is larger than the 100 MiB upload limit."],
    [{}, 0, "talk.mp4 is empty."],
    [{}, undefined, "The upload must declare its length (Upload-Length)."],
    [{ segmentId: null }, 1000, "Upload-Metadata segmentId: Invalid input: expected string, received undefined"],
    [{ kind: "archive" }, 1000, 'Upload-Metadata kind: must be "video" or "captions"'],
  ])("refuses %j of %s bytes", (over, size, message) => {
    expect(video(over, size)).toEqual({ ok: false, message });
  });

  it("refuses captions that are not .vtt/.srt, too large, or with a bad language", () => {
    const captions = (filename: string, size: number, language?: string) =>
      decideUpload({ metadata: { segmentId: "s", kind: "captions", filename, language }, size, maxVideoBytes: MAX });
    expect(captions("talk.txt", 10)).toEqual({ ok: false, message: "talk.txt is not a captions file (expected .vtt or .srt)." });
    expect(captions("talk.vtt", CAPTIONS_MAX_BYTES + 1)).toEqual({ ok: false, message: "talk.vtt is larger than the 2 MiB captions limit." });
    expect(captions("talk.vtt", 10, "english!")).toEqual({ ok: false, message: 'Upload-Metadata language: must be a language code like "en" or "pt-BR"' });
  });
});
