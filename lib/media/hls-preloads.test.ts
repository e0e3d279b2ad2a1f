import { describe, expect, it } from "vitest";
import { hlsPreloads } from "./hls-preloads";

describe("hlsPreloads", () => {
  it("preloads the master and the largest rendition's playlist under the same token", () => {
    const hls = "/media/c/s/s1.-.sig/master.m3u8";
    expect(
      hlsPreloads({
        hls,
        renditions: [
          { label: "720p", width: 1280, height: 720 },
          { label: "360p", width: 640, height: 360 },
        ],
      }),
    ).toEqual([hls, "/media/c/s/s1.-.sig/720p/index.m3u8"]);
  });
  it("preloads only the master when there are no renditions", () => {
    expect(hlsPreloads({ hls: "/m/master.m3u8", renditions: [] })).toEqual(["/m/master.m3u8"]);
  });
});
