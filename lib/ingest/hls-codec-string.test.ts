import { describe, expect, it } from "vitest";
import { audioCodecString, avcCodecString, parseFfprobeHexDump } from "./hls-codec-string";

// Real ffprobe output for a 720p High@3.1 MP4 and a 360p Main@3.0 MPEG-TS segment.
const AVCC_DUMP =
  "\n00000000: 0164 001f ffe1 001a 6764 001f acd9 4050  .d......gd....@P\n" +
  "00000010: 05bb 0110 0000 0300 1000 0003 0300 f183  ................\n" +
  "00000020: 1960 0100 0468 ef8f cbfd f8f8 00         .`...h.......\n";
const ANNEXB_DUMP =
  "\n00000000: 0000 0167 4d40 1eec a050 17fc b808 8000  ...gM@...P......\n" +
  "00000010: 0003 0080 0000 1807 8b16 cb00 0000 0168  ...............h\n" +
  "00000020: ef8f c8                                  ...\n";

describe("HLS codec strings", () => {
  it("parses ffprobe hex dumps, ignoring the ASCII column", () => {
    const bytes = parseFfprobeHexDump(AVCC_DUMP);
    expect(bytes.length).toBe(45);
    expect(Array.from(bytes.slice(0, 4))).toEqual([0x01, 0x64, 0x00, 0x1f]);
    expect(parseFfprobeHexDump(ANNEXB_DUMP).length).toBe(35);
  });

  it("reads profile, constraints and level from avcC", () => {
    expect(avcCodecString(parseFfprobeHexDump(AVCC_DUMP))).toBe("avc1.64001f");
  });

  it("reads them from an Annex B SPS", () => {
    expect(avcCodecString(parseFfprobeHexDump(ANNEXB_DUMP))).toBe("avc1.4d401e");
  });

  it("gives up without an SPS", () => {
    expect(avcCodecString(new Uint8Array([0, 0, 1, 0x68, 1, 2, 3]))).toBeUndefined();
  });

  it("names AAC profiles", () => {
    expect(audioCodecString("aac", "LC")).toBe("mp4a.40.2");
    expect(audioCodecString("aac", "HE-AAC")).toBe("mp4a.40.5");
    expect(audioCodecString("mp3", undefined)).toBeUndefined();
  });
});
