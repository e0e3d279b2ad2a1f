import { describe, expect, it } from "vitest";
import { PER_REQUEST_COOKIE } from "../viewer/per-request-cookie";
import { CACHED_CATALOG_PATH, decideCachedPage, isSessionCookie, VIEWER_SHELL_CATALOG_PATH, type TPageRequest } from "./decide-cached-page";

const anonymous = (pathname: string, extra: Partial<TPageRequest> = {}): TPageRequest => ({
  method: "GET",
  pathname,
  search: "",
  cookieNames: [],
  ...extra,
});

describe("decideCachedPage", () => {
  it("sends an anonymous visitor of the catalog or a course page to the shared render", () => {
    expect(decideCachedPage(anonymous("/"))).toEqual({ kind: "cached", path: CACHED_CATALOG_PATH });
    expect(decideCachedPage(anonymous("/courses/python-basics"))).toEqual({ kind: "cached", path: "/cached/courses/python-basics" });
    expect(decideCachedPage(anonymous("/courses/python-basics/"))).toEqual({ kind: "cached", path: "/cached/courses/python-basics" });
    expect(decideCachedPage(anonymous("/courses/python-basics", { method: "HEAD" }))).toEqual({
      kind: "cached",
      path: "/cached/courses/python-basics",
    });
    // Cookies that are not a session (a preference, a consent) do not make a page personal.
    expect(decideCachedPage(anonymous("/", { cookieNames: ["theme", "NEXT_LOCALE"] })).kind).toBe("cached");
  });

  it("sends a request with a session cookie, whatever its prefix or chunk, to the viewer shell", () => {
    for (const name of ["better-auth.session_token", "__Secure-better-auth.session_token", "better-auth.session_token.0"]) {
      expect(decideCachedPage(anonymous("/courses/python-basics", { cookieNames: ["theme", name] }))).toEqual({
        kind: "cached",
        path: "/cached/courses/python-basics/viewer",
      });
      expect(decideCachedPage(anonymous("/", { cookieNames: [name] }))).toEqual({ kind: "cached", path: VIEWER_SHELL_CATALOG_PATH });
    }
    // Signed in with a query string: rendered for the request, as for anyone.
    const session = { cookieNames: ["better-auth.session_token"] };
    expect(decideCachedPage(anonymous("/courses/python-basics", { ...session, search: "?coupon=SPRING" }))).toEqual({ kind: "render" });
    expect(decideCachedPage(anonymous("/courses/python-basics", { ...session, search: "?view=mine" }))).toEqual({ kind: "render" });
  });

  it("renders per request for the per-request hint (an admin), with or without a session", () => {
    for (const cookieNames of [[PER_REQUEST_COOKIE, "better-auth.session_token"], [PER_REQUEST_COOKIE]]) {
      expect(decideCachedPage(anonymous("/courses/python-basics", { cookieNames }))).toEqual({ kind: "render" });
      expect(decideCachedPage(anonymous("/", { cookieNames }))).toEqual({ kind: "render" });
    }
  });

  it("renders for a query string (campaign coupon, RSC navigation) and for other methods", () => {
    expect(decideCachedPage(anonymous("/courses/python-basics", { search: "?coupon=SPRING" }))).toEqual({ kind: "render" });
    expect(decideCachedPage(anonymous("/courses/python-basics", { search: "?_rsc=1x2y" }))).toEqual({ kind: "render" });
    expect(decideCachedPage(anonymous("/", { search: "?q=x" }))).toEqual({ kind: "render" });
    expect(decideCachedPage(anonymous("/courses/python-basics", { method: "POST" }))).toEqual({ kind: "render" });
    expect(decideCachedPage(anonymous("/courses/python-basics", { search: "?" })).kind).toBe("cached");
  });

  it("sends an anonymous watch page, plain or with exactly ?autoplay=1, to its shared render", () => {
    expect(decideCachedPage(anonymous("/courses/python-basics/what-is-python"))).toEqual({
      kind: "cached",
      path: "/cached/watch/python-basics/what-is-python/play",
    });
    expect(decideCachedPage(anonymous("/courses/python-basics/what-is-python", { search: "?autoplay=1" }))).toEqual({
      kind: "cached",
      path: "/cached/watch/python-basics/what-is-python/autoplay",
    });
    expect(decideCachedPage(anonymous("/courses/python-basics/what-is-python/", { method: "HEAD" }))).toEqual({
      kind: "cached",
      path: "/cached/watch/python-basics/what-is-python/play",
    });
  });

  it("renders a watch page for a session, any other query string, another method or a non-segment", () => {
    const path = "/courses/python-basics/what-is-python";
    expect(decideCachedPage(anonymous(path, { cookieNames: ["better-auth.session_token"] }))).toEqual({ kind: "render" });
    expect(decideCachedPage(anonymous(path, { search: "?autoplay=1", cookieNames: ["__Secure-better-auth.session_token"] }))).toEqual({
      kind: "render",
    });
    for (const search of ["?t=90", "?autoplay=1&t=90", "?t=90&autoplay=1", "?autoplay=0", "?autoplay=1&", "?autoplay=true", "?AUTOPLAY=1", "?coupon=X", "?_rsc=1"]) {
      expect(decideCachedPage(anonymous(path, { search })), search).toEqual({ kind: "render" });
    }
    expect(decideCachedPage(anonymous(path, { method: "POST" }))).toEqual({ kind: "render" });
    expect(decideCachedPage(anonymous(path, { method: "POST", search: "?autoplay=1" }))).toEqual({ kind: "render" });
    // The course's own pages beside its segments, malformed slugs, deeper paths.
    for (const other of [
      "/courses/python-basics/checkout",
      "/courses/python-basics/download",
      "/courses/python-basics/checkout/team",
      "/courses/python-basics/What-Is",
      "/courses/python-basics/a--b",
      "/courses/Python-Basics/what-is-python",
      "/courses/python-basics/%2e%2e",
      `/courses/python-basics/${"a".repeat(101)}`,
      "/courses/python-basics/what-is-python/extra",
    ]) {
      expect(decideCachedPage(anonymous(other)), other).toEqual({ kind: "render" });
      expect(decideCachedPage(anonymous(other, { search: "?autoplay=1" })), other).toEqual({ kind: "render" });
    }
  });

  it("leaves every other page, and a malformed course slug, to its own route", () => {
    for (const path of [
      "/sign-in",
      "/courses",
      "/courses/python-basics/checkout",
      "/courses/Python-Basics",
      "/courses/a--b",
      "/courses/%2e%2e",
      `/courses/${"a".repeat(101)}`,
      "/account",
    ]) {
      expect(decideCachedPage(anonymous(path)), path).toEqual({ kind: "render" });
    }
  });

  it("hides the internal routes from direct requests, signed in or not", () => {
    expect(decideCachedPage(anonymous("/cached/courses/python-basics"))).toEqual({ kind: "not-found" });
    expect(decideCachedPage(anonymous("/cached/watch/python-basics/what-is-python/play"))).toEqual({ kind: "not-found" });
    expect(decideCachedPage(anonymous(CACHED_CATALOG_PATH, { cookieNames: ["better-auth.session_token"] }))).toEqual({ kind: "not-found" });
    expect(decideCachedPage(anonymous("/cached/courses/python-basics/viewer", { cookieNames: ["better-auth.session_token"] }))).toEqual({ kind: "not-found" });
    expect(decideCachedPage(anonymous("/cached"))).toEqual({ kind: "not-found" });
    expect(decideCachedPage(anonymous("/cachedx")).kind).toBe("render");
  });
});

describe("isSessionCookie", () => {
  it("knows Better Auth's session cookie and nothing else", () => {
    expect(isSessionCookie("better-auth.session_token")).toBe(true);
    expect(isSessionCookie("__Secure-better-auth.session_token")).toBe(true);
    expect(isSessionCookie("better-auth.session_data")).toBe(false);
    expect(isSessionCookie("session_tokens")).toBe(false);
    expect(isSessionCookie("theme")).toBe(false);
  });
});
