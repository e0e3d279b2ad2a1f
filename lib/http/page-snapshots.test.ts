import http from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cachedPageContentSecurityPolicy, pageContentSecurityPolicy } from "./content-security-policy";
import { decideCachedPage } from "./decide-cached-page";
import {
  decideKeepSnapshot,
  dropPageSnapshots,
  encodingClass,
  pageSnapshots,
  SNAPSHOT_SECONDS,
  snapshotKey,
  withCookie,
} from "./page-snapshots";

const CACHED = cachedPageContentSecurityPolicy();

describe("decideKeepSnapshot", () => {
  const ok = { "content-security-policy": CACHED, "x-nextjs-cache": "HIT", "content-type": "text/html; charset=utf-8" };
  it("keeps a complete 200 of the cached render, fresh from Next's cache or just rendered", () => {
    expect(decideKeepSnapshot({ status: 200, headers: ok }, "identity")).toBe(true);
    expect(decideKeepSnapshot({ status: 200, headers: { ...ok, "x-nextjs-cache": "MISS" } }, "identity")).toBe(true);
  });
  it("keeps nothing else: another policy (a page rendered for its viewer), a cookie, a stale copy, an error", () => {
    expect(decideKeepSnapshot({ status: 200, headers: { ...ok, "content-security-policy": pageContentSecurityPolicy("n") } }, "identity")).toBe(false);
    expect(decideKeepSnapshot({ status: 200, headers: { "x-nextjs-cache": "HIT" } }, "identity")).toBe(false);
    expect(decideKeepSnapshot({ status: 200, headers: { ...ok, "set-cookie": ["a=b"] } }, "identity")).toBe(false);
    expect(decideKeepSnapshot({ status: 200, headers: { ...ok, "x-nextjs-cache": "STALE" } }, "identity")).toBe(false);
    expect(decideKeepSnapshot({ status: 200, headers: { "content-security-policy": CACHED } }, "identity")).toBe(false);
    expect(decideKeepSnapshot({ status: 404, headers: ok }, "identity")).toBe(false);
    expect(decideKeepSnapshot({ status: 200, headers: { ...ok, "content-type": "text/x-component" } }, "identity")).toBe(false);
  });
});

describe("decideKeepSnapshot and the encoding", () => {
  const ok = { "content-security-policy": CACHED, "x-nextjs-cache": "HIT", "content-type": "text/html; charset=utf-8" };
  it("keeps an answer compressed as the request's class asks, or not compressed at all", () => {
    expect(decideKeepSnapshot({ status: 200, headers: { ...ok, "content-encoding": "gzip" } }, "gzip")).toBe(true);
    expect(decideKeepSnapshot({ status: 200, headers: ok }, "gzip")).toBe(true);
    expect(decideKeepSnapshot({ status: 200, headers: { ...ok, "content-encoding": "deflate" } }, "deflate")).toBe(true);
  });
  it("never keeps an encoding another request of the same class might not take", () => {
    expect(decideKeepSnapshot({ status: 200, headers: { ...ok, "content-encoding": "deflate" } }, "identity")).toBe(false);
    expect(decideKeepSnapshot({ status: 200, headers: { ...ok, "content-encoding": "br" } }, "identity")).toBe(false);
    expect(decideKeepSnapshot({ status: 200, headers: { ...ok, "content-encoding": "gzip" } }, "deflate")).toBe(false);
  });
  it("classes Accept-Encoding as Next compresses: gzip, else deflate, else as is; q=0 refuses", () => {
    expect(encodingClass("gzip, deflate, br")).toBe("gzip");
    expect(encodingClass("br, deflate")).toBe("deflate");
    expect(encodingClass("br")).toBe("identity");
    expect(encodingClass(undefined)).toBe("identity");
    expect(encodingClass("gzip;q=0, deflate")).toBe("deflate");
    expect(encodingClass("GZIP;q=0.5")).toBe("gzip");
    expect(encodingClass("gzip;q=0")).toBe("identity");
  });
});

describe("withCookie", () => {
  it("adds Cookie to a Vary value once, keeping what is there", () => {
    expect(withCookie(undefined)).toBe("Cookie");
    expect(withCookie("rsc, Accept-Encoding")).toBe("rsc, Accept-Encoding, Cookie");
    expect(withCookie(["rsc", "Accept-Encoding"])).toBe("rsc, Accept-Encoding, Cookie");
    expect(withCookie("cookie, rsc")).toBe("cookie, rsc");
    expect(withCookie("*")).toBe("*");
  });
});

describe("snapshotKey", () => {
  const get = (url: string, headers: http.IncomingHttpHeaders = {}) => snapshotKey({ method: "GET", url, headers });
  it("is the cached path and the encoding for an anonymous view, null for everything else", () => {
    expect(get("/courses/python-basics")).toBe("/cached/courses/python-basics|identity");
    expect(get("/", { "accept-encoding": "gzip, deflate, br" })).toBe("/cached/home/anonymous|gzip");
    expect(get("/courses/python-basics", { cookie: "theme=dark" })).toBe("/cached/courses/python-basics|identity");
    // Signed in: the viewer shell's own copies, never the anonymous ones (issue 12, ADR 019).
    expect(get("/courses/python-basics", { cookie: "theme=dark; better-auth.session_token=abc.def" })).toBe("/cached/courses/python-basics/viewer|identity");
    expect(get("/", { cookie: "better-auth.session_token=abc.def", "accept-encoding": "gzip" })).toBe("/cached/home/viewer|gzip");
    expect(get("/courses/python-basics", { cookie: "better-auth.session_token=abc.def; lectern-per-request=1" })).toBeNull();
    expect(get("/courses/python-basics?coupon=X")).toBeNull();
    expect(get("/courses/python-basics/checkout")).toBeNull();
    // A watch page: its own copies for the plain address and ?autoplay=1, none for ?t=.
    expect(get("/courses/python-basics/overview")).toBe("/cached/watch/python-basics/overview/play|identity");
    expect(get("/courses/python-basics/overview?autoplay=1")).toBe("/cached/watch/python-basics/overview/autoplay|identity");
    expect(get("/courses/python-basics/overview?t=30")).toBeNull();
    expect(snapshotKey({ method: "POST", url: "/courses/python-basics", headers: {} })).toBeNull();
  });
  it("reads the cookies as the proxy does, so a copy is always kept under the page Next answered with (review of issue 12)", () => {
    // Next's cookie reader drops a cookie whose value is not valid percent-encoding and keeps a
    // space before "=" in the name: the proxy then rendered the anonymous page while Node keyed the
    // answer as the viewer shell's copy, and every signed-in view got the anonymous page for 5 s.
    const odd = [
      "better-auth.session_token=%",
      "better-auth.session_token=%zz; theme=dark",
      "better-auth.session_token =abc",
      "__Secure-better-auth.session_token=%E0%A4%A",
      "lectern-per-request=%; better-auth.session_token=abc",
      "better-auth.session_token.0=abc;theme=dark",
      "a=b;\tbetter-auth.session_token=abc",
      "better-auth.session_token",
      "=x; better-auth.session_token=abc",
    ];
    for (const url of ["/courses/python-basics", "/", "/courses/python-basics/overview"]) {
      for (const cookie of odd) {
        const names = new NextRequest(`http://localhost${url}`, { headers: { cookie } }).cookies.getAll().map((c) => c.name);
        const proxy = decideCachedPage({ method: "GET", pathname: url, search: "", cookieNames: names });
        const key = get(url, { cookie });
        expect(key, `${url} ${cookie}`).toBe(proxy.kind === "cached" ? `${proxy.path}|identity` : null);
      }
    }
  });
  it("is null for a request Next answers with something else than the document (RSC, 304, a range)", () => {
    for (const name of ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "if-none-match", "range"]) {
      expect(get("/courses/python-basics", { [name]: "1" }), name).toBeNull();
    }
  });
});

describe("pageSnapshots on a real server", () => {
  let now = 1_000_000;
  let rendered = 0;
  let policy = CACHED;
  /** Runs while Next's answer is being written (an admin change during a render). */
  let midAnswer: (() => void) | null = null;
  let server: http.Server;
  let base: string;
  const step = pageSnapshots(() => now);
  /** Stands in for Next: the cached render's answer, counted. */
  const next = (res: http.ServerResponse) => {
    rendered += 1;
    res.statusCode = 200;
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.setHeader("content-security-policy", policy);
    res.setHeader("x-nextjs-cache", "MISS");
    res.setHeader("vary", "rsc, Accept-Encoding");
    res.setHeader("x-middleware-rewrite", "/cached/courses/python-basics");
    res.write(`<html>render ${rendered}`);
    midAnswer?.();
    res.end("</html>");
  };

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (!step(req, res, () => next(res))) next(res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    dropPageSnapshots();
    rendered = 0;
    policy = CACHED;
    midAnswer = null;
  });

  it("keeps no copy of an answer that was under way when the copies were dropped (an admin change during a render; review 3)", async () => {
    // The render read the catalog before the change: kept, its copy would show the old page for
    // SNAPSHOT_SECONDS after invalidateCatalog() said it was gone.
    midAnswer = dropPageSnapshots;
    expect(await (await fetch(`${base}/courses/python-basics`)).text()).toBe("<html>render 1</html>");
    midAnswer = null;
    const after = await fetch(`${base}/courses/python-basics`);
    expect(after.headers.get("x-lectern-page-copy")).toBeNull();
    expect(await after.text()).toBe("<html>render 2</html>");
  });

  it("answers the next anonymous views from the copy until it expires, then asks again", async () => {
    const first = await fetch(`${base}/courses/python-basics`);
    expect(await first.text()).toBe("<html>render 1</html>");
    const second = await fetch(`${base}/courses/python-basics`);
    expect(await second.text()).toBe("<html>render 1</html>");
    expect(second.headers.get("x-lectern-page-copy")).toBe("HIT");
    expect(second.headers.get("content-security-policy")).toBe(CACHED);
    expect(second.headers.get("x-nextjs-cache")).toBeNull();
    const head = await fetch(`${base}/courses/python-basics`, { method: "HEAD" });
    expect(head.headers.get("x-lectern-page-copy")).toBe("HIT");
    expect(rendered).toBe(1);
    now += SNAPSHOT_SECONDS * 1000;
    expect(await (await fetch(`${base}/courses/python-basics`)).text()).toBe("<html>render 2</html>");
  });

  it("tells a front cache that the shared answer and its copy vary on the cookie; a per-request view is left as Next made it", async () => {
    const first = await fetch(`${base}/courses/python-basics`);
    expect(first.headers.get("vary")).toBe("rsc, Accept-Encoding, Cookie");
    const copy = await fetch(`${base}/courses/python-basics`);
    expect(copy.headers.get("x-lectern-page-copy")).toBe("HIT");
    expect(copy.headers.get("vary")).toBe("rsc, Accept-Encoding, Cookie");
    // The internal path Next rewrote to is not told, neither by the answer nor by its copy.
    expect(first.headers.get("x-middleware-rewrite")).toBeNull();
    expect(copy.headers.get("x-middleware-rewrite")).toBeNull();
    const perRequest = await fetch(`${base}/courses/python-basics`, { headers: { cookie: "better-auth.session_token=x; lectern-per-request=1" } });
    expect(perRequest.headers.get("vary")).toBe("rsc, Accept-Encoding");
  });

  it("never answers a signed-in view from the anonymous copy (nor the reverse), nor a query string; forgets everything when dropped", async () => {
    await fetch(`${base}/courses/python-basics`);
    const signedIn = await fetch(`${base}/courses/python-basics`, { headers: { cookie: "better-auth.session_token=x" } });
    expect(signedIn.headers.get("x-lectern-page-copy")).toBeNull();
    expect(await signedIn.text()).toBe("<html>render 2</html>");
    // The shell's own copy, for the next signed-in viewer only.
    const shellCopy = await fetch(`${base}/courses/python-basics`, { headers: { cookie: "better-auth.session_token=y" } });
    expect(shellCopy.headers.get("x-lectern-page-copy")).toBe("HIT");
    expect(await shellCopy.text()).toBe("<html>render 2</html>");
    expect(await (await fetch(`${base}/courses/python-basics`)).text()).toBe("<html>render 1</html>");
    await fetch(`${base}/courses/python-basics?coupon=SPRING`);
    expect(rendered).toBe(3);
    dropPageSnapshots();
    const after = await fetch(`${base}/courses/python-basics`);
    expect(after.headers.get("x-lectern-page-copy")).toBeNull();
    expect(rendered).toBe(4);
  });

  it("keeps no copy of an answer that is not the cached render's", async () => {
    policy = pageContentSecurityPolicy("abc");
    await fetch(`${base}/`);
    const again = await fetch(`${base}/`);
    expect(again.headers.get("x-lectern-page-copy")).toBeNull();
    expect(rendered).toBe(2);
  });
});
