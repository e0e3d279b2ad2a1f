import { describe, expect, it } from "vitest";
import { planFrameRate, planLadder, type TLadderSource } from "./plan-ladder";

const sizes = (source: TLadderSource) =>
  planLadder(source, { speed: "fast" }).rungs.map((r) => `${r.label} ${r.width}x${r.height}`);

describe("planLadder", () => {
  it.each<[string, TLadderSource, string[]]>([
    ["1920×1080 screencast", { width: 1920, height: 1080, frameRate: 30 }, ["1080p 1920x1080", "720p 1280x720", "480p 854x480", "360p 640x360"]],
    ["1080×1920 phone clip (portrait)", { width: 1080, height: 1920, frameRate: 30 }, ["1080p 1080x1920", "720p 720x1280", "480p 480x854", "360p 360x640"]],
    ["1280×720 (the samples)", { width: 1280, height: 720, frameRate: 30 }, ["720p 1280x720", "480p 854x480", "360p 640x360"]],
    ["640×480 4:3 lecture: never upscaled", { width: 640, height: 480, frameRate: 25 }, ["480p 640x480", "360p 480x360"]],
    ["3840×2160: capped at 1080", { width: 3840, height: 2160, frameRate: 60 }, ["1080p 1920x1080", "720p 1280x720", "480p 854x480", "360p 640x360"]],
    ["anamorphic PAL 720×576 SAR 16:11 (shown 1047×576)", { width: 720, height: 576, sar: { num: 16, den: 11 }, frameRate: 25 }, ["480p 872x480", "360p 654x360"]],
    ["anamorphic HDV 1440×1080 SAR 4:3 (shown 1920×1080)", { width: 1440, height: 1080, sar: { num: 4, den: 3 }, frameRate: 25 }, ["1080p 1920x1080", "720p 1280x720", "480p 854x480", "360p 640x360"]],
    ["320×240: one rung at its own size", { width: 320, height: 240, frameRate: 30 }, ["240p 320x240"]],
    ["odd 321×241: own size rounded down to even", { width: 321, height: 241, frameRate: 30 }, ["240p 320x240"]],
    ["odd 1921×1081", { width: 1921, height: 1081, frameRate: 30 }, ["1080p 1920x1080", "720p 1280x720", "480p 852x480", "360p 640x360"]],
    ["1080×1919: no column is added by rounding", { width: 1919, height: 1080, frameRate: 30 }, ["1080p 1918x1080", "720p 1280x720", "480p 852x480", "360p 640x360"]],
    ["1000×562: 720 would upscale", { width: 1000, height: 562, frameRate: 30 }, ["480p 854x480", "360p 640x360"]],
    ["exactly 360", { width: 640, height: 360, frameRate: 30 }, ["360p 640x360"]],
  ])("%s", (_name, source, expected) => {
    expect(sizes(source)).toEqual(expected);
  });

  it("keeps the display aspect ratio within a pixel of rounding on every rung", () => {
    for (const source of [
      { width: 1920, height: 1080 }, { width: 1080, height: 1920 }, { width: 640, height: 480 },
      { width: 720, height: 576, sar: { num: 16, den: 11 } }, { width: 2560, height: 1080 },
    ]) {
      const aspect = (source.width * (source.sar ? source.sar.num / source.sar.den : 1)) / source.height;
      for (const rung of planLadder({ ...source, frameRate: 30 }, { speed: "fast" }).rungs) {
        expect(rung.width % 2).toBe(0);
        expect(rung.height % 2).toBe(0);
        // ±2 px on the long side (even rounding) is at most this far off.
        expect(Math.abs(rung.width / rung.height - aspect)).toBeLessThan(2.01 / Math.min(rung.width, rung.height));
      }
    }
  });

  it("puts the MP4 rendition on the top rung, with Apple's caps and a 2× buffer", () => {
    const plan = planLadder({ width: 1920, height: 1080, frameRate: 30 }, { speed: "quality" });
    expect(plan.mp4Label).toBe("1080p");
    expect(plan.rungs.map((r) => [r.label, r.maxrateKbps, r.bufsizeKbps, r.audioKbps])).toEqual([
      ["1080p", 6000, 12000, 128],
      ["720p", 3000, 6000, 128],
      ["480p", 1500, 3000, 128],
      ["360p", 730, 1460, 96],
    ]);
    expect(plan.x264).toEqual({ preset: "slow", crf: 21, profile: "high" });
    expect(planLadder({ width: 320, height: 240, frameRate: 30 }, { speed: "fast" }).rungs[0]).toMatchObject({ maxrateKbps: 365, audioKbps: 96 });
    expect(plan).toMatchObject({
      keyframeSeconds: 2,
      segmentSeconds: 6,
      audio: { sampleRate: 48000, channels: 2, loudness: { integratedLufs: -16, truePeakDb: -1.5, rangeLu: 11 } },
    });
    expect(planLadder({ width: 1280, height: 720, frameRate: 30 }, { speed: "fast" }).x264).toEqual({ preset: "ultrafast", crf: 23, profile: "high" });
  });

  it("de-interlaces to a frame per field: 25i → 50p, 29.97i → 59.94p", () => {
    expect(planLadder({ width: 720, height: 576, frameRate: 25, interlaced: true }, { speed: "fast" })).toMatchObject({ deinterlace: true, frameRate: "50" });
    expect(planLadder({ width: 1920, height: 1080, frameRate: 30000 / 1001, interlaced: true }, { speed: "fast" })).toMatchObject({
      deinterlace: true,
      frameRate: "60000/1001",
    });
    expect(planLadder({ width: 1920, height: 1080, frameRate: 25 }, { speed: "fast" })).toMatchObject({ deinterlace: false, frameRate: "25" });
  });

  it("refuses a frame without a size", () => {
    expect(() => planLadder({ width: 0, height: 1080, frameRate: 30 }, { speed: "fast" })).toThrow("invalid frame size 0×1080");
  });
});

describe("planFrameRate", () => {
  it.each([
    [{ frameRate: 24000 / 1001 }, "24000/1001"],
    [{ frameRate: 23.976 }, "24000/1001"],
    [{ frameRate: 25 }, "25"],
    [{ frameRate: 29.97 }, "30000/1001"],
    [{ frameRate: 30 }, "30"],
    [{ frameRate: 59.94 }, "60000/1001"],
    [{ frameRate: 120 }, "60"],
    [{ frameRate: 14.2, variableFrameRate: true }, "30"],
    [{ frameRate: 30, variableFrameRate: true }, "30"],
    [{ frameRate: 47.1, variableFrameRate: true }, "60"],
    [{ frameRate: 15 }, "30"],
  ])("%o → %s", (source, expected) => {
    expect(planFrameRate(source).ffmpeg).toBe(expected);
  });
});
