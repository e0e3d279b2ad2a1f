import type http from "node:http";
import { describe, expect, it } from "vitest";
import { mediaFastPath } from "./media-fast-path";

const env = { MEDIA_ROOT: "/nonexistent", MEDIA_SIGNING_KEY: "k".repeat(43), MEDIA_OFFLOAD_PREFIX: "/_protected_media" };
const req = (method: string, url: string, headers: http.IncomingHttpHeaders = {}) => ({ method, url, headers }) as http.IncomingMessage;

describe("mediaFastPath", () => {
  it("is off with nginx offload (nginx needs the route's X-Accel-Redirect) and with MEDIA_FAST_PATH=off", () => {
    expect(mediaFastPath({ ...env, MEDIA_OFFLOAD: "nginx", MEDIA_FAST_PATH: "on" })).toBeUndefined();
    expect(mediaFastPath({ ...env, MEDIA_OFFLOAD: "node", MEDIA_FAST_PATH: "off" })).toBeUndefined();
  });

  it("takes only plain GET/HEAD media reads; everything else goes straight on to Next", () => {
    const take = mediaFastPath({ ...env, MEDIA_OFFLOAD: "node", MEDIA_FAST_PATH: "on" })!;
    const res = {} as http.ServerResponse;
    const next = () => {};
    expect(take(req("GET", "/courses/x"), res, next)).toBe(false);
    expect(take(req("POST", "/media/c/s/t/video.mp4"), res, next)).toBe(false);
    expect(take(req("GET", "/media/c/s/t/video.mp4", { "content-length": "3" }), res, next)).toBe(false);
    expect(take(req("GET", "/media/c/s/t/%2e%2e/x.mp4"), res, next)).toBe(false);
    expect(take(req("GET", "/media/c/s/t"), res, next)).toBe(false);
    expect(take(req("GET", "/media/c/s//video.mp4"), res, next)).toBe(false);
  });

  it("hands a media read it cannot serve (no such file) on to Next", async () => {
    const take = mediaFastPath({ ...env, MEDIA_OFFLOAD: "node", MEDIA_FAST_PATH: "on" })!;
    const handedOn = new Promise<boolean>((resolve) => {
      expect(take(req("GET", "/media/c/s/not-a-token/video.mp4"), {} as http.ServerResponse, () => resolve(true))).toBe(true);
    });
    expect(await handedOn).toBe(true);
  });
});
