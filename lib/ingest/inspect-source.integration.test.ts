// inspectSource on real small files made with ffmpeg: facts for good sources, one-line
// reasons for files that cannot be a segment's source.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAudioOnly, makeSourceVideo, truncateCopy } from "../../tests/support/make-source-video";
import { inspectSource, requireSource, SourceError } from "./inspect-source";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-inspect-"));
const at = (name: string) => path.join(dir, name);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  makeSourceVideo(at("good.mp4"), { width: 320, height: 180, seconds: 3, audio: "5.1" });
  makeSourceVideo(at("phone.mp4"), { width: 320, height: 180, seconds: 2, audio: "none", rotate: 90 });
  makeSourceVideo(at("anamorphic.mp4"), { width: 360, height: 288, seconds: 2, sar: "16/11" });
  makeAudioOnly(at("audio.m4a"));
  truncateCopy(at("good.mp4"), at("truncated.mp4"));
  // moov first (+faststart): the index survives the cut, the data does not.
  execFileSync("ffmpeg", ["-v", "error", "-y", "-i", at("good.mp4"), "-c", "copy", "-movflags", "+faststart", at("faststart.mp4")]);
  truncateCopy(at("faststart.mp4"), at("truncated-faststart.mp4"), 0.6);
  fs.writeFileSync(at("notes"), "these are my lecture notes, not a video\n");
  fs.writeFileSync(at("empty.mp4"), "");
  execFileSync("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=64x64:duration=1", "-frames:v", "1", at("still.png")]);
});

describe("inspectSource", () => {
  it("measures a good source: size, square pixels, frame rate, audio channels", async () => {
    const result = await inspectSource(at("good.mp4"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.facts.video).toMatchObject({ codec: "h264", width: 320, height: 180, sar: { num: 1, den: 1 }, rotation: 0, frameRate: 30 });
    expect(result.facts.audio).toMatchObject({ codec: "aac", channels: 6, sampleRate: 44100 });
    expect(result.facts.durationSeconds).toBeGreaterThan(2.9);
    expect(result.facts.durationSeconds).toBeLessThan(3.2);
  });

  it("applies a phone's rotation to width and height; reports no audio", async () => {
    const result = await inspectSource(at("phone.mp4"));
    expect(result.ok && result.facts.video).toMatchObject({ width: 180, height: 320 });
    expect(result.ok && [90, 270].includes(result.facts.video.rotation)).toBe(true);
    expect(result.ok && result.facts.audio).toBeUndefined();
  });

  it("reports the sample aspect ratio of an anamorphic source", async () => {
    const result = await inspectSource(at("anamorphic.mp4"));
    expect(result.ok && result.facts.video).toMatchObject({ width: 360, height: 288, sar: { num: 16, den: 11 } });
  });

  it.each([
    ["missing.mp4", "file not found"],
    ["empty.mp4", "the file is empty"],
    ["audio.m4a", "has no video stream (audio only)"],
    ["truncated.mp4", "ffmpeg cannot read it: moov atom not found"],
    ["notes", "ffmpeg cannot read it: Invalid data found when processing input"],
    ["still.png", "is a still image, not a video"],
  ])("%s → %s", async (name, reason) => {
    expect(await inspectSource(at(name))).toEqual({ ok: false, reason });
  });

  it("finds a truncated MP4 whose index survived (moov first)", async () => {
    const result = await inspectSource(at("truncated-faststart.mp4"));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^cannot be decoded to its end, the file looks truncated \(.+\)$/);
    expect(!result.ok && result.reason).not.toContain("\n");
    expect((await inspectSource(at("faststart.mp4"))).ok).toBe(true);
  });

  it("requireSource throws a one-line SourceError naming the file", async () => {
    const error = await requireSource(at("audio.m4a")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toBe(`${at("audio.m4a")}: has no video stream (audio only)`);
  });
});
