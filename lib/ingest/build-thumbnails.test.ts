import { describe, expect, it } from "vitest";
import { renderThumbnailsVtt, thumbnailInterval } from "./build-thumbnails";

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
