import { describe, expect, it } from "vitest";
import { renderThumbnailsVtt, thumbnailInterval, thumbnailSize } from "./build-thumbnails";

describe("thumbnails.vtt", () => {
  it("maps each second of a short video to its tile, row by row", () => {
    const vtt = renderThumbnailsVtt(12.5, thumbnailInterval(12.5));
    expect(vtt.startsWith("WEBVTT\n")).toBe(true);
    expect(vtt).toContain("00:00:00.000 --> 00:00:01.000\nthumbnails.jpg#xywh=0,0,160,90");
    expect(vtt).toContain("00:00:09.000 --> 00:00:10.000\nthumbnails.jpg#xywh=1440,0,160,90");
    expect(vtt).toContain("00:00:10.000 --> 00:00:11.000\nthumbnails.jpg#xywh=0,90,160,90");
    expect(vtt).toContain("00:00:12.000 --> 00:00:12.500\nthumbnails.jpg#xywh=320,90,160,90");
  });
  it("keeps at most 100 thumbnails for long recordings", () => {
    expect(thumbnailInterval(30)).toBe(1);
    expect(thumbnailInterval(3600)).toBe(36);
    expect(renderThumbnailsVtt(3600, 36).match(/#xywh=/g)).toHaveLength(100);
  });
});

describe("thumbnailSize", () => {
  it("keeps the video's aspect with the long side 160", () => {
    expect(thumbnailSize({ width: 1920, height: 1080 })).toEqual({ width: 160, height: 90 });
    expect(thumbnailSize({ width: 1080, height: 1920 })).toEqual({ width: 90, height: 160 });
    expect(thumbnailSize({ width: 640, height: 480 })).toEqual({ width: 160, height: 120 });
  });
  it("tiles a portrait sprite with its own tile size", () => {
    expect(renderThumbnailsVtt(3, 1, "thumbnails.jpg", { width: 90, height: 160 })).toContain("thumbnails.jpg#xywh=180,0,90,160");
  });
});
