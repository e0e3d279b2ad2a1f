import { describe, expect, it } from "vitest";
import { mediaExtras } from "./media-extras";

const segment = (dir: string) => ({
  slug: "intro",
  course: { slug: "py" },
  assets: [
    { kind: "hls-master", path: `py/intro/${dir}master.m3u8` },
    { kind: "thumbnails", path: `py/intro/${dir}thumbnails.vtt` },
    { kind: "chapters", path: `py/intro/${dir}chapters.en.vtt` },
  ],
}) as unknown as Parameters<typeof mediaExtras>[0];

describe("mediaExtras", () => {
  it("puts the tracks beside the playlist under the same token", () => {
    expect(mediaExtras(segment(""), { hls: "/media/py/intro/TOKEN/master.m3u8" })).toEqual({
      chapters: "/media/py/intro/TOKEN/chapters.en.vtt",
      thumbnails: "/media/py/intro/TOKEN/thumbnails.vtt",
    });
  });

  it("names a version folder once when the media sit in one (an upload's, ADR 012)", () => {
    expect(mediaExtras(segment("v-abc/"), { hls: "/media/py/intro/TOKEN/v-abc/master.m3u8" })).toEqual({
      chapters: "/media/py/intro/TOKEN/v-abc/chapters.en.vtt",
      thumbnails: "/media/py/intro/TOKEN/v-abc/thumbnails.vtt",
    });
  });
});
