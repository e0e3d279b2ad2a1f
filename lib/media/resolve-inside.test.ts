import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveInside } from "./resolve-inside";

const root = path.resolve("/srv/media");

describe("resolveInside", () => {
  it("resolves a relative path under the root", () => {
    expect(resolveInside(root, "course/seg/master.m3u8")).toBe(path.join(root, "course/seg/master.m3u8"));
    expect(resolveInside(root, "course", "seg", "720p", "index.m3u8")).toBe(path.join(root, "course/seg/720p/index.m3u8"));
  });

  it.each([
    [["../etc/passwd"]],
    [["course/../../etc/passwd"]],
    [["/etc/passwd"]],
    [["course", "/etc/passwd"]],
    [["course\\..\\..\\x"]],
    [["."]],
    [["course/.."]],
    [[""]],
    [["a\0b"]],
    [[]],
  ])("refuses %j", (parts) => {
    expect(resolveInside(root, ...parts)).toBeNull();
  });

  it("does not accept a sibling folder that shares the root's prefix", () => {
    expect(resolveInside(root, "../media-other/file.mp4")).toBeNull();
  });
});
