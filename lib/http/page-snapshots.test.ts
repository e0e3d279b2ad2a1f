import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cachedPageContentSecurityPolicy, pageContentSecurityPolicy } from "./content-security-policy";
import { decideKeepSnapshot, dropPageSnapshots, pageSnapshots, SNAPSHOT_SECONDS, snapshotKey } from "./page-snapshots";

const CACHED = cachedPageContentSecurityPolicy();

describe("decideKeepSnapshot", () => {
  const ok = { "content-security-policy": CACHED, "x-nextjs-cache": "HIT" };
  it("keeps a complete 200 of the cached render, fresh from Next's cache or just rendered", () => {
    expect(decideKeepSnapshot({ status: 200, headers: ok })).toBe(true);
    expect(decideKeepSnapshot({ status: 200, headers: { ...ok, "x-nextjs-cache": "MISS" } })).toBe(true);
  });
  it("keeps nothing else: another policy (a page rendered for its viewer), a cookie, a stale copy, an error", () => {
    expect(decideKeepSnapshot({ status: 200, headers: { ...ok, "content-security-policy": pageContentSecurityPolicy("n") } })).toBe(false);
    expect(decideKeepSnapshot({ status: 200, headers: { "x-nextjs-cache": "HIT" } })).toBe(false);
    expect(decideKeepSnapshot({ status: 200, headers: { ...ok, "set-cookie": ["a=b"] } })).toBe(false);
    expect(decideKeepSnapshot({ status: 200, headers: { ...ok, "x-nextjs-cache": "STALE" } })).toBe(false);
    expect(decideKeepSnapshot({ status: 200, headers: { "content-security-policy": CACHED } })).toBe(false);
    expect(decideKeepSnapshot({ status: 404, headers: ok })).toBe(false);
  });
});

describe("snapshotKey", () => {
  const get = (url: string, headers: http.IncomingHttpHeaders = {}) => snapshotKey({ method: "GET", url, headers });
  it("is the cached path and the encoding for an anonymous view, null for everything else", () => {
    expect(get("/courses/python-basics")).toBe("/cached/courses/python-basics|identity");
    expect(get("/", { "accept-encoding": "gzip, deflate, br" })).toBe("/cached/home/anonymous|gzip");
    expect(get("/courses/python-basics", { cookie: "theme=dark" })).toBe("/cached/courses/python-basics|identity");
    expect(get("/courses/python-basics", { cookie: "theme=dark; better-auth.session_token=abc.def" })).toBeNull();
    expect(get("/courses/python-basics?coupon=X")).toBeNull();
    expect(get("/courses/python-basics/overview")).toBeNull();
    expect(snapshotKey({ method: "POST", url: "/courses/python-basics", headers: {} })).toBeNull();
  });
});

describe("pageSnapshots on a real server", () => {
  let now = 1_000_000;
  let rendered = 0;
  let policy = CACHED;
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
    res.write(`<html>render ${rendered}`);
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

  it("never answers a signed-in view or a query string from the copy, and forgets everything when dropped", async () => {
    await fetch(`${base}/courses/python-basics`);
    const signedIn = await fetch(`${base}/courses/python-basics`, { headers: { cookie: "better-auth.session_token=x" } });
    expect(signedIn.headers.get("x-lectern-page-copy")).toBeNull();
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
