import path from "node:path";
import { describe, expect, it } from "vitest";
import { mimeTypeOf, resolveMediaPath } from "./media-path";

const root = "/srv/media";

describe("resolveMediaPath", () => {
  it("resolves plain media files inside the segment folder", () => {
    expect(resolveMediaPath(root, "course", "intro", ["master.m3u8"])).toBe(
      path.join(root, "course", "intro", "master.m3u8"),
    );
    expect(resolveMediaPath(root, "course", "intro", ["720p", "seg_001.ts"])).toBe(
      path.join(root, "course", "intro", "720p", "seg_001.ts"),
    );
  });

  it.each([
    [["..", "other", "master.m3u8"]],
    [["..%2f", "x.ts"]],
    [[".hidden.ts"]],
    [["media.json"]],
    [["x.sh"]],
    [[]],
    [["a", "b", "c", "d", "e.ts"]],
    [["seg\u0000.ts"]],
    [["/etc/passwd"]],
  ])("rejects %j", (parts) => {
    expect(resolveMediaPath(root, "course", "intro", parts)).toBeNull();
  });

  it("rejects slugs that could escape the media root", () => {
    expect(resolveMediaPath(root, "..", "intro", ["master.m3u8"])).toBeNull();
    expect(resolveMediaPath(root, "course", "../x", ["master.m3u8"])).toBeNull();
  });

  it("applies the one slug rule (no double or trailing dashes)", () => {
    expect(resolveMediaPath(root, "a--b", "intro", ["master.m3u8"])).toBeNull();
    expect(resolveMediaPath(root, "course", "intro-", ["master.m3u8"])).toBeNull();
  });
});

describe("mimeTypeOf", () => {
  it("knows HLS, MPEG-TS, MP4 and WebVTT", () => {
    expect(mimeTypeOf("a/master.m3u8")).toBe("application/vnd.apple.mpegurl");
    expect(mimeTypeOf("seg.ts")).toBe("video/mp2t");
    expect(mimeTypeOf("v.mp4")).toBe("video/mp4");
    expect(mimeTypeOf("c.en.vtt")).toContain("text/vtt");
  });
});
