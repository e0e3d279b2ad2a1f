import { describe, expect, it } from "vitest";
import { earlyStartSeconds, earlyVideoHtml } from "./early-video";

describe("earlyStartSeconds", () => {
  it("prefers a deep link, then a signed-in viewer's saved position", () => {
    expect(earlyStartSeconds(12, 40, 100)).toBe(12);
    expect(earlyStartSeconds(null, 40, 100)).toBe(40);
    expect(earlyStartSeconds(null, null, 100)).toBeNull();
  });

  it("starts over near the end and from zero without a fragment", () => {
    expect(earlyStartSeconds(null, 98, 100)).toBeNull();
    expect(earlyStartSeconds(null, 0, 100)).toBeNull();
    expect(earlyStartSeconds(0, 50, 100)).toBeNull();
  });
});

describe("earlyVideoHtml", () => {
  const base = { mp4: "/media/c/s/tok/video.mp4", poster: "/media/c/s/tok/poster.jpg", startSeconds: null, muted: false, label: "Intro", autoplay: true };

  it("autoplays the signed MP4 inline with its poster, preloading", () => {
    const html = earlyVideoHtml(base);
    expect(html).toBe(
      '<video class="video-js vjs-big-play-centered vjs-lectern" data-early-video="" src="/media/c/s/tok/video.mp4" ' +
        'poster="/media/c/s/tok/poster.jpg" preload="auto" playsinline="" aria-label="Video player: Intro" autoplay=""></video>',
    );
  });

  it("a plain load's element preloads paused, with no autoplay attribute, and a play button after it", () => {
    const html = earlyVideoHtml({ ...base, autoplay: false });
    expect(html).toBe(
      '<video class="video-js vjs-big-play-centered vjs-lectern" data-early-video="" src="/media/c/s/tok/video.mp4" ' +
        'poster="/media/c/s/tok/poster.jpg" preload="auto" playsinline="" aria-label="Video player: Intro"></video>' +
        '<button type="button" class="vjs-big-play-button player__start" data-early-start="" title="Play Video">' +
        '<span class="vjs-icon-play" aria-hidden="true"></span><span class="visually-hidden">Play Video</span></button>',
    );
    expect(earlyVideoHtml(base)).not.toContain("<button");
  });

  it("starts at a media fragment and honours mute", () => {
    const html = earlyVideoHtml({ ...base, startSeconds: 12.3456, muted: true, poster: null });
    expect(html).toContain('src="/media/c/s/tok/video.mp4#t=12.346"');
    expect(html).toContain(' muted=""');
    expect(html).not.toContain("poster=");
  });

  it("escapes what it puts in attributes", () => {
    const html = earlyVideoHtml({ ...base, label: `"><script>alert(1)</script>`, mp4: `/m/"x&y.mp4` });
    expect(html).not.toContain("<script>");
    expect(html).toContain('aria-label="Video player: &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).toContain('src="/m/&quot;x&amp;y.mp4"');
  });
});
