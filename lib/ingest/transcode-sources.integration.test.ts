// Real recordings through the whole pipeline (issue 9): small sources made with ffmpeg's lavfi
// (1080p H.264, portrait phone clip, 4:3 WebM VP9+Opus, HEVC 10-bit, no audio, 23.976 fps),
// encoded with the fast preset, then checked with ffprobe — rungs, sizes and aspect, EXTINF,
// keyframe instants, audio format, durations in the database, SRT → WebVTT captions in every
// language (also in download.mp4) — and bad sources failing alone with one-line reasons.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAudioOnly, makeSourceVideo, truncateCopy } from "../../tests/support/make-source-video";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-db";
import { ensureCoursesMedia, type TEnsureCoursesMediaSummary } from "./ensure-courses-media";
import { importCourse } from "./import-course";
import { parseCourseManifest } from "./load-course-manifest";
import type { TMediaFacts } from "./media-facts";
import { segmentId } from "./stable-id";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-sources-"));
const content = path.join(root, "content");
const mediaRoot = path.join(root, "media");
const src = (name: string) => path.join(content, name);
let t: TestDatabase;
let result: TEnsureCoursesMediaSummary;

const segments = [
  { slug: "screencast", source: "screencast.mp4" },
  { slug: "phone", source: "phone.mp4" },
  { slug: "lecture-43", source: "lecture-43.webm" },
  { slug: "hevc", source: "hevc.mkv" },
  { slug: "silent", source: "silent.mp4" },
  { slug: "film", source: "film.mp4" },
  { slug: "rotated", source: "rotated.mp4" },
  { slug: "interlaced", source: "interlaced.mp4" },
  { slug: "vfr", source: "vfr.mp4" },
  { slug: "truncated", source: "truncated.mp4" },
  { slug: "podcast", source: "podcast.m4a" },
  { slug: "bad-captions", source: "bad-captions.mp4" },
];
const manifest = () =>
  parseCourseManifest(
    {
      slug: "real-sources",
      title: "Real Sources",
      authors: ["Ada Lovelace"],
      price: "10",
      parts: [{ title: "All", segments: segments.map((s) => ({ ...s, title: s.slug })) }],
    },
    path.join(content, "course.yaml"),
  );

beforeAll(async () => {
  makeSourceVideo(src("screencast.mp4"), { width: 1920, height: 1080, seconds: 4, audio: "5.1" });
  makeSourceVideo(src("phone.mp4"), { width: 1080, height: 1920, seconds: 2 });
  makeSourceVideo(src("lecture-43.webm"), { width: 640, height: 480, seconds: 2, codec: "vp9" });
  makeSourceVideo(src("hevc.mkv"), { width: 640, height: 360, seconds: 2, codec: "hevc10" });
  makeSourceVideo(src("silent.mp4"), { width: 320, height: 240, seconds: 2, audio: "none" });
  makeSourceVideo(src("film.mp4"), { width: 640, height: 360, seconds: 7, rate: "24000/1001" });
  // A phone's way: a 640×360 frame stored landscape plus a 90° rotation; the left half white,
  // the right half black, so the output shows whether the picture was turned or squashed.
  execFileSync("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", "color=white:size=640x360:rate=30:duration=1,drawbox=x=320:y=0:w=320:h=360:color=black:t=fill",
    "-f", "lavfi", "-i", "sine=duration=1", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", src("rotated.flat.mp4")]);
  execFileSync("ffmpeg", ["-v", "error", "-y", "-i", src("rotated.flat.mp4"), "-c", "copy", "-metadata:s:v:0", "rotate=90", src("rotated.mp4")]);
  fs.rmSync(src("rotated.flat.mp4"));
  // 25i, top field first (PAL DV-style).
  execFileSync("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=720x576:rate=25:duration=2", "-f", "lavfi", "-i", "sine=duration=2",
    "-vf", "setfield=tff", "-flags", "+ildct+ilme", "-c:v", "libx264", "-preset", "ultrafast", "-x264-params", "interlaced=1:tff=1", "-c:a", "aac", "-shortest", src("interlaced.mp4")]);
  // Variable frame rate, as screen recorders write: 30 fps for a second, then every third frame.
  execFileSync("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=30:duration=4", "-f", "lavfi", "-i", "sine=duration=4",
    "-vf", "select='lt(n\\,30)+not(mod(n\\,3))'", "-vsync", "vfr", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest", src("vfr.mp4")]);
  truncateCopy(src("screencast.mp4"), src("truncated.mp4"));
  makeAudioOnly(src("podcast.m4a"));
  makeSourceVideo(src("bad-captions.mp4"), { width: 320, height: 240, seconds: 1 });
  // Captions: English as SRT (no language in the name), German as WebVTT, French as SRT.
  fs.writeFileSync(src("screencast.srt"), "1\r\n00:00:00,500 --> 00:00:02,000\r\nHello <b>screen</b>\r\n\r\n2\r\n00:00:02,500 --> 00:00:04,000\r\nSecond cue\r\n");
  fs.writeFileSync(src("screencast.de.vtt"), "WEBVTT\n\n00:00.500 --> 00:02.000\nHallo Bildschirm\n");
  fs.writeFileSync(src("screencast.fr.srt"), "1\n00:00:00,500 --> 00:00:02,000\nBonjour\n");
  fs.writeFileSync(src("bad-captions.es.srt"), "1\n00:00:00,500 --> 00:00:02,000\nHola\n\n2\n00:00:03,000 -> 00:00:04,000\nroto\n");

  t = await createTestDatabase();
  result = await ensureCoursesMedia([manifest()], { mediaRoot, speed: "fast", stream: fs.createWriteStream("/dev/null") });
}, 300_000);
afterAll(async () => {
  await t?.cleanup();
  fs.rmSync(root, { recursive: true, force: true });
});

const facts = (slug: string): TMediaFacts => {
  const found = result.facts.get("real-sources")!.get(slug);
  if (!found) throw new Error(`no media for ${slug}: ${JSON.stringify(result.failures)}`);
  return found;
};
const dir = (slug: string) => path.join(mediaRoot, "real-sources", slug);
const ffprobe = (args: string[]) => execFileSync("ffprobe", ["-v", "error", ...args], { encoding: "utf8" });
const streamsOf = (file: string) =>
  JSON.parse(ffprobe(["-show_streams", "-of", "json", file])).streams as Record<string, string | number | Record<string, string>>[];
const rungs = (slug: string) =>
  facts(slug)
    .assets.filter((a) => a.kind === "hls-variant")
    .map((a) => `${a.label} ${a.width}x${a.height}`)
    .sort((a, b) => Number.parseInt(b) - Number.parseInt(a));

describe("ladder from the source", () => {
  it.each([
    ["screencast", ["1080p 1920x1080", "720p 1280x720", "480p 854x480", "360p 640x360"]],
    ["phone", ["1080p 1080x1920", "720p 720x1280", "480p 480x854", "360p 360x640"]],
    ["lecture-43", ["480p 640x480", "360p 480x360"]],
    ["hevc", ["360p 640x360"]],
    ["silent", ["240p 320x240"]],
    ["film", ["360p 640x360"]],
    ["rotated", ["360p 360x640"]],
    ["interlaced", ["480p 600x480", "360p 450x360"]],
    ["vfr", ["240p 320x240"]],
  ])("%s → %j", (slug, expected) => {
    expect(rungs(slug)).toEqual(expected);
  });

  // The fast preset (ultrafast) turns CABAC and 8×8 transforms off, so x264 writes Constrained
  // Baseline within the High limit; the quality preset writes High (plan-ladder.test.ts).
  it("encodes every rung at its planned size with square pixels, H.264 and AAC-LC 48 kHz stereo", () => {
    for (const slug of ["screencast", "phone", "lecture-43", "hevc", "silent"]) {
      for (const variant of facts(slug).assets.filter((a) => a.kind === "hls-variant")) {
        const streams = streamsOf(path.join(dir(slug), variant.label, "seg_000.ts"));
        const v = streams.find((s) => s.codec_type === "video")!;
        const a = streams.find((s) => s.codec_type === "audio")!;
        expect([slug, variant.label, v.codec_name, v.profile, v.width, v.height, v.pix_fmt]).toEqual([
          slug, variant.label, "h264", "Constrained Baseline", variant.width, variant.height, "yuv420p",
        ]);
        expect(["1:1", undefined]).toContain(v.sample_aspect_ratio);
        expect([a.codec_name, a.profile, a.sample_rate, a.channels]).toEqual(["aac", "LC", "48000", 2]);
      }
    }
  });

  it("makes the top rung the MP4 rendition and the download", () => {
    const screencast = facts("screencast");
    expect(screencast.assets.find((a) => a.kind === "mp4")).toMatchObject({ label: "1080p", width: 1920, height: 1080 });
    expect(screencast.assets.find((a) => a.kind === "download")).toMatchObject({ width: 1920, height: 1080 });
    expect(facts("phone").assets.find((a) => a.kind === "mp4")).toMatchObject({ label: "1080p", width: 1080, height: 1920 });
    const master = fs.readFileSync(path.join(dir("screencast"), "master.m3u8"), "utf8");
    expect(master.match(/RESOLUTION=\d+x\d+/g)).toEqual(["RESOLUTION=640x360", "RESOLUTION=854x480", "RESOLUTION=1280x720", "RESOLUTION=1920x1080"]);
  });

  it("cuts HLS segments of at most 6.5 s", () => {
    for (const [slug, count] of [["screencast", 1], ["film", 2]] as const) {
      for (const variant of facts(slug).assets.filter((a) => a.kind === "hls-variant")) {
        const playlist = fs.readFileSync(path.join(dir(slug), variant.path), "utf8");
        const extinf = [...playlist.matchAll(/#EXTINF:([\d.]+)/g)].map((m) => Number(m[1]));
        expect(extinf.length).toBe(count); // film: 7 s → 6.006 s + the rest
        for (const d of extinf) expect(d).toBeLessThanOrEqual(6.5);
        if (count === 2) expect(extinf[0]).toBeGreaterThanOrEqual(5.9);
      }
    }
  });

  it.each([
    ["screencast", 30, [0, 1]],
    ["film", 24000 / 1001, [0, 1, 2, 3]],
  ])("%s: keyframes exactly at every 2 s instant in every rung (first frame at or after it)", (slug, fps, instants) => {
    const files = facts(slug)
      .assets.filter((a) => a.kind === "hls-variant")
      .map((a) => path.join(dir(slug), a.label, "index.m3u8"));
    files.push(path.join(dir(slug), "video.mp4"));
    const keyframeLists = files.map((file) =>
      (JSON.parse(ffprobe(["-select_streams", "v:0", "-skip_frame", "nokey", "-show_entries", "frame=pts_time", "-of", "json", file])).frames as { pts_time: string }[]).map(
        (f) => Number(f.pts_time),
      ),
    );
    const first = keyframeLists[0]!;
    const start = first[0]!;
    // Keyframes at 0, 2, 4, … relative to the stream start (MPEG-TS starts at 1.4 s).
    expect(first.map((k) => k - start).map((k) => Math.floor(k / 2))).toEqual(instants);
    for (const [i, k] of first.entries()) {
      expect(k - start - 2 * i).toBeGreaterThanOrEqual(-0.001);
      expect(k - start - 2 * i).toBeLessThan(1 / fps + 0.001);
    }
    // Every rung (and the MP4) switches at the same instants.
    for (const list of keyframeLists) expect(list.map((k) => (k - list[0]!).toFixed(3))).toEqual(first.map((k) => (k - start).toFixed(3)));
  });

  it("turns a rotated phone clip upright instead of squashing it", () => {
    // Rotated 90°: the white left half is now on top (or at the bottom), never a side.
    const yavg = (crop: string) =>
      Number(
        /YAVG=([\d.]+)/.exec(
          execFileSync("ffmpeg", ["-v", "error", "-i", path.join(dir("rotated"), "poster.jpg"), "-vf", `crop=${crop},signalstats,metadata=print:key=lavfi.signalstats.YAVG:file=-`, "-f", "null", "-"], { encoding: "utf8" }),
        )![1],
      );
    const [top, bottom, left, right] = [yavg("360:300:0:10"), yavg("360:300:0:330"), yavg("170:640:5:0"), yavg("170:640:185:0")];
    expect(Math.abs(top - bottom)).toBeGreaterThan(150);
    expect(Math.abs(left - right)).toBeLessThan(10);
  });

  it("de-interlaces interlaced sources to a frame per field (25i → 50p, progressive)", () => {
    const v = streamsOf(path.join(dir("interlaced"), "video.mp4")).find((s) => s.codec_type === "video")!;
    expect([v.r_frame_rate, v.field_order ?? "progressive"]).toEqual(["50/1", "progressive"]);
  });

  it("turns variable frame rate into constant 30 fps", () => {
    const before = streamsOf(src("vfr.mp4")).find((s) => s.codec_type === "video")!;
    expect(before.r_frame_rate).not.toBe(before.avg_frame_rate); // the source really is VFR
    const v = streamsOf(path.join(dir("vfr"), "video.mp4")).find((s) => s.codec_type === "video")!;
    expect([v.r_frame_rate, v.avg_frame_rate]).toEqual(["30/1", "30/1"]);
    // 4 s at 30 fps, give or take the source's last (every-third) frame at 3.9 s.
    expect(Math.abs(Number(v.nb_frames) - 120)).toBeLessThanOrEqual(3);
  });

  it("turns 23.976 fps into constant 23.976 fps output and says so in the master playlist", () => {
    const v = streamsOf(path.join(dir("film"), "video.mp4")).find((s) => s.codec_type === "video")!;
    expect([v.r_frame_rate, v.avg_frame_rate]).toEqual(["24000/1001", "24000/1001"]);
    expect(fs.readFileSync(path.join(dir("film"), "master.m3u8"), "utf8")).toContain("FRAME-RATE=23.976");
  });

  it("keeps the duration (silence added where the source has no audio) and stores it in the database", async () => {
    const expected: Record<string, number> = { screencast: 4, phone: 2, "lecture-43": 2, hevc: 2, silent: 2, film: 7, rotated: 1, interlaced: 2, vfr: 4 };
    for (const [slug, seconds] of Object.entries(expected)) {
      expect(Math.abs(facts(slug).durationSeconds - seconds)).toBeLessThan(0.15);
    }
    const silentAudio = streamsOf(path.join(dir("silent"), "video.mp4")).find((s) => s.codec_type === "audio");
    expect(silentAudio).toMatchObject({ codec_name: "aac", channels: 2 });

    const good = manifest();
    good.parts[0]!.segments = good.parts[0]!.segments.filter((s) => s.slug in expected);
    await importCourse(t.db, good, result.facts.get("real-sources")!);
    const rows = await t.db.segment.findMany({
      where: { id: { in: Object.keys(expected).map((slug) => segmentId("real-sources", slug)) } },
      select: { slug: true, durationSeconds: true, assets: { where: { kind: "hls-variant" }, select: { label: true, height: true } } },
    });
    expect(rows).toHaveLength(9);
    for (const row of rows) {
      expect(Math.abs(row.durationSeconds - expected[row.slug]!)).toBeLessThan(0.15);
      expect(row.durationSeconds).toBe(facts(row.slug).durationSeconds);
    }
    expect(rows.find((r) => r.slug === "screencast")!.assets.map((a) => a.label).sort()).toEqual(["1080p", "360p", "480p", "720p"]);
  });
});

describe("captions beside the source", () => {
  it("stores every language as WebVTT (SRT converted), English first", () => {
    const captions = facts("screencast").assets.filter((a) => a.kind === "captions");
    expect(captions.map((c) => [c.label, c.language, c.path])).toEqual([
      ["en", "en", "captions.en.vtt"],
      ["de", "de", "captions.de.vtt"],
      ["fr", "fr", "captions.fr.vtt"],
    ]);
    expect(fs.readFileSync(path.join(dir("screencast"), "captions.en.vtt"), "utf8")).toBe(
      "WEBVTT\n\n1\n00:00:00.500 --> 00:00:02.000\nHello <b>screen</b>\n\n2\n00:00:02.500 --> 00:00:04.000\nSecond cue\n",
    );
  });

  it("puts every language into download.mp4 as a tagged mov_text track", () => {
    const subs = streamsOf(path.join(dir("screencast"), "download.mp4")).filter((s) => s.codec_type === "subtitle");
    expect(subs.map((s) => [s.codec_name, (s.tags as Record<string, string>).language, (s.tags as Record<string, string>).handler_name])).toEqual([
      ["mov_text", "eng", "English"],
      ["mov_text", "deu", "German"],
      ["mov_text", "fra", "French"],
    ]);
  });
});

describe("bad sources", () => {
  it("fail alone, each with a one-line reason naming the file; the other segments are rendered", () => {
    expect([...result.failures].sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: "real-sources/bad-captions", message: `${src("bad-captions.es.srt")}:6: expected a cue timing line (00:00:01,000 --> 00:00:02,500), found "00:00:03,000 -> 00:00:04,000"` },
      { id: "real-sources/podcast", message: `${src("podcast.m4a")}: has no video stream (audio only)` },
      { id: "real-sources/truncated", message: `${src("truncated.mp4")}: ffmpeg cannot read it: moov atom not found` },
    ].sort((a, b) => a.id.localeCompare(b.id)));
    expect(result.generated).toBe(9);
    for (const slug of ["truncated", "podcast", "bad-captions"]) {
      expect(fs.existsSync(dir(slug))).toBe(false);
    }
    // No temporary folders left behind.
    expect(fs.readdirSync(path.join(mediaRoot, "real-sources")).filter((n) => n.startsWith("."))).toEqual([]);
  });
});
