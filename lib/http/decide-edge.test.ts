import { describe, expect, it } from "vitest";
import { decideEdge, PAGE_POST_MAX_BYTES } from "./decide-edge";

const req = (method: string, pathname: string, headers: Record<string, string> = {}) =>
  decideEdge({ method, pathname, headers: new Headers({ host: "lectern.test", ...headers }), trustedProxyHops: 0 });

describe("decideEdge", () => {
  it.each(["/courses/%ff", "/courses/x/%", "/courses/x/%c0%af", "/media/%c0%af/s/t/f", "/api/courses/%ff/toc", "/%E0%A4%A"])(
    "refuses the malformed percent-encoding in %s with 400",
    (path) => {
      expect(req("GET", path)).toMatchObject({ kind: "refuse", error: { code: "BAD_REQUEST" } });
    },
  );

  it("lets well-formed escapes through, including encoded slashes and dots", () => {
    expect(req("GET", "/courses/%2e%2e%2f")).toEqual({ kind: "pass", page: true });
    expect(req("GET", "/courses/caf%C3%A9")).toEqual({ kind: "pass", page: true });
  });

  it("answers a method a page does not take with 405 and Allow", () => {
    for (const method of ["PUT", "DELETE", "PATCH", "PROPFIND", "MKCOL"]) {
      expect(req(method, "/courses/x")).toMatchObject({
        kind: "refuse",
        error: { code: "METHOD_NOT_ALLOWED" },
        allow: "GET, HEAD, POST, OPTIONS",
      });
    }
  });

  it("answers a method a route handler does not export with 405 and its own Allow", () => {
    expect(req("DELETE", "/api/progress")).toMatchObject({ kind: "refuse", allow: "POST, OPTIONS" });
    expect(req("POST", "/media/c/s/t/playlist.m3u8")).toMatchObject({ kind: "refuse", allow: "GET, HEAD, OPTIONS" });
    expect(req("PATCH", "/api/preferences")).toEqual({ kind: "pass", page: false });
  });

  it("answers OPTIONS on a page itself (Next would say 400) and leaves it to Next on route handlers", () => {
    expect(req("OPTIONS", "/")).toEqual({ kind: "options", allow: "GET, HEAD, POST, OPTIONS" });
    expect(req("OPTIONS", "/api/health")).toEqual({ kind: "pass", page: false });
  });

  it("refuses a POST to a page (a server action or form) from a foreign origin", () => {
    expect(req("POST", "/courses/x/checkout", { origin: "https://evil.example", "next-action": "7f00" })).toMatchObject({
      kind: "refuse",
      error: { code: "FORBIDDEN" },
    });
    expect(req("POST", "/courses/x/checkout", { origin: "null" })).toMatchObject({ kind: "refuse" });
    expect(req("POST", "/courses/x/checkout", { origin: "http://lectern.test" })).toEqual({ kind: "pass", page: true });
  });

  it("believes X-Forwarded-Host only when a trusted proxy is in front (TRUSTED_PROXY_HOPS)", () => {
    const headers = new Headers({ host: "lectern.test", origin: "https://evil.example", "x-forwarded-host": "evil.example" });
    const post = (trustedProxyHops: number) => decideEdge({ method: "POST", pathname: "/courses/x/checkout", headers, trustedProxyHops });
    expect(post(0)).toMatchObject({ kind: "refuse", error: { code: "FORBIDDEN" } });
    expect(post(1)).toEqual({ kind: "pass", page: true });
  });

  it("refuses a page POST that declares more than Next's server-action limit", () => {
    expect(req("POST", "/sign-in", { "content-length": String(PAGE_POST_MAX_BYTES + 1) })).toMatchObject({
      kind: "refuse",
      error: { code: "PAYLOAD_TOO_LARGE" },
    });
  });

  it("lets the tus upload endpoint's methods through to its handler and refuses the rest with its Allow", () => {
    for (const method of ["HEAD", "PATCH", "DELETE", "OPTIONS"]) expect(req(method, "/api/admin/uploads/0f3a")).toEqual({ kind: "pass", page: false });
    expect(req("POST", "/api/admin/uploads")).toEqual({ kind: "pass", page: false });
    expect(req("GET", "/api/admin/uploads/0f3a")).toMatchObject({ kind: "refuse", allow: "DELETE, HEAD, OPTIONS, PATCH" });
    expect(req("PUT", "/api/admin/uploads")).toMatchObject({ kind: "refuse", allow: "OPTIONS, POST" });
  });
});
