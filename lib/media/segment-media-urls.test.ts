import { describe, expect, it } from "vitest";
import type { TFoundSegment } from "../catalog/find-segment";
import { segmentMediaUrls } from "./segment-media-urls";

const asset = (kind: string, label: string, path: string, language: string | null = null) => ({
  kind, label, path, mimeType: "text/vtt", bytes: 1, width: null, height: null, language,
});

describe("segmentMediaUrls", () => {
  it("lists every captions language, English first, named for the menu", () => {
    const segment = {
      id: "s1", slug: "intro", title: "Intro", subtitle: "", durationSeconds: 10,
      course: { slug: "c" },
      assets: [
        asset("captions", "pt-BR", "c/intro/captions.pt-BR.vtt", "pt-BR"),
        asset("captions", "de", "c/intro/captions.de.vtt", "de"),
        asset("captions", "en", "c/intro/captions.en.vtt", "en"),
        asset("hls-master", "default", "c/intro/master.m3u8"),
        asset("mp4", "720p", "c/intro/video.mp4"),
      ],
    } as unknown as TFoundSegment;
    const playback = segmentMediaUrls(segment, null, { secret: "s".repeat(32), ttlSeconds: 3600, nowSeconds: 1_900_000_000 });
    expect(playback.captions.map((c) => [c.language, c.label, c.src.split("/").at(-1)])).toEqual([
      ["en", "English", "captions.en.vtt"],
      ["de", "German", "captions.de.vtt"],
      ["pt-BR", "Brazilian Portuguese", "captions.pt-BR.vtt"],
    ]);
    // The progressive MP4 is signed with the same token as the playlists (the early <video>'s source).
    const token = playback.hls.split("/").at(-2);
    expect(playback.mp4).toBe(`/media/c/intro/${token}/video.mp4`);
  });

  it("puts only the MP4 on PLAYER_MP4_ORIGIN, with the same token", () => {
    const segment = {
      id: "s1", slug: "intro", title: "Intro", subtitle: "", durationSeconds: 10,
      course: { slug: "c" },
      assets: [asset("hls-master", "default", "c/intro/master.m3u8"), asset("mp4", "720p", "c/intro/video.mp4"), asset("poster", "poster", "c/intro/poster.jpg")],
    } as unknown as TFoundSegment;
    const signing = { secret: "s".repeat(32), ttlSeconds: 3600, nowSeconds: 1_900_000_000 };
    const same = segmentMediaUrls(segment, null, signing);
    const other = segmentMediaUrls(segment, null, { ...signing, mp4Origin: "https://media.example.com" });
    expect(other.mp4).toBe(`https://media.example.com${same.mp4}`);
    expect({ ...other, mp4: null }).toEqual({ ...same, mp4: null });
    expect(other.hls.startsWith("/media/c/intro/")).toBe(true);
  });

  it("has no MP4 when the segment has none", () => {
    const segment = {
      id: "s1", slug: "intro", title: "Intro", subtitle: "", durationSeconds: 10,
      course: { slug: "c" },
      assets: [asset("hls-master", "default", "c/intro/master.m3u8")],
    } as unknown as TFoundSegment;
    expect(segmentMediaUrls(segment, null, { secret: "s".repeat(32), ttlSeconds: 3600, nowSeconds: 1_900_000_000 }).mp4).toBeNull();
  });
});
