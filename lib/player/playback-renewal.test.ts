import { describe, expect, it } from "vitest";
import { playbackApiUrl, readRenewal, renewalDelayMs, renewalMargin, streamAddressOf, withCurrentToken } from "./playback-renewal";

const current = { course: "course-a", segment: "intro", token: "sNEW.-.sig" };

describe("streamAddressOf", () => {
  it("reads course, segment and token from relative and absolute media URLs", () => {
    expect(streamAddressOf("/media/course-a/intro/sOLD.-.abc/master.m3u8")).toEqual({ course: "course-a", segment: "intro", token: "sOLD.-.abc" });
    expect(streamAddressOf("http://127.0.0.1:3000/media/course-a/intro/t/720p/seg_001.ts")?.token).toBe("t");
  });
  it("ignores anything else", () => {
    for (const url of ["/api/progress", "/media/course-a/intro", "https://cdn.example/x.ts", "/downloads/c/t/x.zip"]) {
      expect(streamAddressOf(url)).toBeNull();
    }
  });
});

describe("withCurrentToken", () => {
  it("swaps the token of the same segment's media", () => {
    expect(withCurrentToken("/media/course-a/intro/sOLD.-.abc/720p/seg_004.ts", current)).toBe("/media/course-a/intro/sNEW.-.sig/720p/seg_004.ts");
    expect(withCurrentToken("http://h:1/media/course-a/intro/sOLD.-.abc/master.m3u8", current)).toBe("http://h:1/media/course-a/intro/sNEW.-.sig/master.m3u8");
  });
  it("leaves other segments, other courses and other URLs alone", () => {
    for (const url of ["/media/course-a/other/sOLD/seg.ts", "/media/course-b/intro/sOLD/seg.ts", "/api/courses/course-a/toc"]) {
      expect(withCurrentToken(url, current)).toBe(url);
    }
  });
});

describe("renewal timing", () => {
  it("renews half-way through short lifetimes and 5 minutes ahead of long ones", () => {
    expect(renewalMargin(0, 60)).toBe(30);
    expect(renewalMargin(0, 30)).toBe(15);
    expect(renewalMargin(0, 7200)).toBe(300);
    expect(renewalMargin(0, 4)).toBe(10);
  });
  it("is due at expiry minus the margin, counted from receipt in the server's seconds", () => {
    expect(renewalDelayMs(1000, 1060)).toBe(30_000);
    expect(renewalDelayMs(1_900_000_000, 1_900_005_400)).toBe(5100_000);
    expect(renewalDelayMs(1000, 1005)).toBe(0);
  });
});

describe("readRenewal", () => {
  it("takes the new address and expiry from a playback answer", () => {
    expect(readRenewal(200, { hls: "/media/course-a/intro/sNEW.-.sig/master.m3u8", issuedAt: 1200, expiresAt: 1234 })).toEqual({
      kind: "renewed",
      address: current,
      issuedAt: 1200,
      expiresAt: 1234,
    });
  });
  it("stops on 401/403/404 with the server's reason", () => {
    expect(readRenewal(403, { error: { code: "FORBIDDEN", message: "Buy the course to watch this segment." } })).toEqual({
      kind: "denied",
      status: 403,
      message: "Buy the course to watch this segment.",
    });
    expect(readRenewal(401, null)).toMatchObject({ kind: "denied", status: 401 });
  });
  it("retries on 5xx and on a body it cannot read", () => {
    expect(readRenewal(503, {})).toEqual({ kind: "retry" });
    expect(readRenewal(200, { hls: 5 })).toEqual({ kind: "retry" });
    expect(readRenewal(200, { hls: "/media/course-a/intro/t/master.m3u8", expiresAt: 5 })).toEqual({ kind: "retry" });
  });
  it("builds the playback API URL", () => {
    expect(playbackApiUrl(current)).toBe("/api/courses/course-a/segments/intro/playback");
  });
});
