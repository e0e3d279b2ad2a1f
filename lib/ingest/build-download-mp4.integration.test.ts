// download.mp4 from a real (tiny) ffmpeg-made video.mp4: a remux with a mov_text subtitle
// track in English, chapter markers, title/course tags and faststart — checked with ffprobe.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildDownloadMp4, renderFfmetadataChapters } from "./build-download-mp4";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-dl-mp4-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type TProbe = {
  streams: { codec_type: string; codec_name: string; tags?: Record<string, string> }[];
  chapters: { start_time: string; end_time: string; tags?: { title?: string } }[];
  format: { tags?: Record<string, string> };
};
const probe = (file: string): TProbe =>
  JSON.parse(execFileSync("ffprobe", ["-v", "error", "-show_streams", "-show_chapters", "-show_format", "-of", "json", file], { encoding: "utf8" }));

describe("buildDownloadMp4", () => {
  it("escapes FFMETADATA values and drops chapters past the end", () => {
    expect(renderFfmetadataChapters([{ at: 0, title: "a=b; #c\\" }, { at: 5, title: "late" }], 4)).toBe(
      ";FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=4000\ntitle=a\\=b\\; \\#c\\\\\n",
    );
  });

  it("remuxes with captions as an English mov_text track, chapters and tags, without re-encoding", () => {
    execFileSync("ffmpeg", [
      "-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x180:rate=30:duration=3", "-f", "lavfi", "-i", "sine=frequency=440:duration=3",
      "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", "-movflags", "+faststart",
      path.join(dir, "video.mp4"),
    ]);
    fs.writeFileSync(path.join(dir, "captions.en.vtt"), "WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.000\nHello, captions\n");
    return buildDownloadMp4(dir, {
      title: "Overview", subtitle: "Where we start", courseTitle: "Enterprise Software with Python", authors: ["Mahmoud Hashemi"],
      publisher: "O'Reilly Media", number: "1.1", year: 2016, durationSeconds: 3,
      chapters: [{ at: 0, title: "Title card" }, { at: 1.5, title: "Pattern" }],
    }).then(() => {
      const out = probe(path.join(dir, "download.mp4"));
      const source = probe(path.join(dir, "video.mp4"));
      const sub = out.streams.find((s) => s.codec_type === "subtitle");
      expect(sub?.codec_name).toBe("mov_text");
      expect(sub?.tags?.language).toBe("eng");
      expect(out.streams.find((s) => s.codec_type === "video")?.codec_name).toBe("h264");
      expect(out.streams.find((s) => s.codec_type === "audio")?.codec_name).toBe("aac");
      expect(out.chapters.map((c) => [Number(c.start_time), Number(c.end_time), c.tags?.title])).toEqual([
        [0, 1.5, "Title card"],
        [1.5, 3, "Pattern"],
      ]);
      expect(out.format.tags).toMatchObject({
        title: "Overview: Where we start",
        album: "Enterprise Software with Python",
        artist: "Mahmoud Hashemi",
        date: "2016",
      });
      // -c copy: the video bit stream is the source's, packet for packet.
      const packets = (f: string) => execFileSync("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "packet=size", "-of", "csv=p=0", f], { encoding: "utf8" });
      expect(packets(path.join(dir, "download.mp4"))).toBe(packets(path.join(dir, "video.mp4")));
      expect(source.streams.some((s) => s.codec_type === "subtitle")).toBe(false);
      // +faststart: the moov atom comes before mdat.
      const head = fs.readFileSync(path.join(dir, "download.mp4")).subarray(0, 64 * 1024).toString("latin1");
      expect(head.indexOf("moov")).toBeGreaterThan(-1);
      expect(head.indexOf("moov")).toBeLessThan(head.indexOf("mdat") === -1 ? Infinity : head.indexOf("mdat"));
      expect(fs.readdirSync(dir).some((f) => f.endsWith(".ffmeta"))).toBe(false);
    });
  });
});
