import { describe, expect, it } from "vitest";
import { renderMasterPlaylist } from "./render-master-playlist";

describe("renderMasterPlaylist", () => {
  it("lists variants by bandwidth with the attributes Apple's authoring spec asks for", () => {
    const text = renderMasterPlaylist([
      { uri: "720p/index.m3u8", bandwidth: 2_000_123.4, averageBandwidth: 1_500_000, width: 1280, height: 720, frameRate: 30, codecs: "avc1.64001f,mp4a.40.2" },
      { uri: "360p/index.m3u8", bandwidth: 600_000, averageBandwidth: 450_000, width: 640, height: 360, frameRate: 30, codecs: "avc1.4d401e,mp4a.40.2" },
    ]);
    expect(text).toBe(
      [
        "#EXTM3U",
        "#EXT-X-VERSION:6",
        "#EXT-X-INDEPENDENT-SEGMENTS",
        '#EXT-X-STREAM-INF:BANDWIDTH=600000,AVERAGE-BANDWIDTH=450000,CODECS="avc1.4d401e,mp4a.40.2",RESOLUTION=640x360,FRAME-RATE=30.000',
        "360p/index.m3u8",
        '#EXT-X-STREAM-INF:BANDWIDTH=2000123,AVERAGE-BANDWIDTH=1500000,CODECS="avc1.64001f,mp4a.40.2",RESOLUTION=1280x720,FRAME-RATE=30.000',
        "720p/index.m3u8",
        "",
      ].join("\n"),
    );
  });
});
