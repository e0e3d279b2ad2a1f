import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installUntraceableMethodGuard } from "./untraceable-methods";

/** A raw request: fetch cannot send TRACE at all, which is the whole problem. */
function send(port: number, method: string, path: string) {
  return new Promise<{ status: number; allow?: string; body: string }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, allow: res.headers.allow, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("installUntraceableMethodGuard", () => {
  let server: http.Server;
  let port = 0;

  beforeAll(async () => {
    installUntraceableMethodGuard();
    // Stands in for Next: it turns each request into a web Request, as Next does for the proxy
    // and for route handlers, and that throws for TRACE (500 in Next).
    server = http.createServer((req, res) => {
      try {
        new Request(`http://127.0.0.1${req.url}`, { method: req.method });
        res.end("ok");
      } catch {
        res.statusCode = 500;
        res.end("Internal Server Error");
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("premise: a web Request cannot carry TRACE (when this fails, Next may handle it itself)", () => {
    expect(() => new Request("http://127.0.0.1/", { method: "TRACE" })).toThrow(TypeError);
  });

  it("answers TRACE with 405 and the route's Allow before the application sees it", async () => {
    const page = await send(port, "TRACE", "/courses/x");
    expect(page.status).toBe(405);
    expect(page.allow).toBe("GET, HEAD, POST, OPTIONS");
    expect(JSON.parse(page.body)).toMatchObject({ error: { code: "METHOD_NOT_ALLOWED" } });
    expect((await send(port, "TRACE", "/api/health")).allow).toBe("GET, OPTIONS, HEAD");
  });

  it("leaves every other method to the application", async () => {
    expect(await send(port, "GET", "/")).toMatchObject({ status: 200, body: "ok" });
    expect(await send(port, "PROPFIND", "/")).toMatchObject({ status: 200, body: "ok" });
    // Node's parser refuses TRACK itself; it never reaches the server's listener.
    expect((await send(port, "TRACK", "/")).status).toBe(400);
  });
});
