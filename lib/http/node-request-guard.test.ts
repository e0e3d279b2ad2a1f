import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER } from "../auth/client-ip";
import { decideNodeRequest, installNodeRequestGuard } from "./node-request-guard";

/** A raw request: fetch cannot send TRACE or `*` at all, which is the whole problem. */
function send(port: number, method: string, path: string, headers: Record<string, string> = {}, localAddress?: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path, headers, localAddress, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("decideNodeRequest", () => {
  const decide = (method: string, url: string, headers: http.IncomingHttpHeaders = {}) => {
    const d = decideNodeRequest({ method, url, headers });
    return d.kind === "pass" ? "pass" : `${d.error.code}${d.allow ? ` (${d.allow})` : ""}`;
  };

  it("refuses request targets that are not a path (asterisk and absolute forms)", () => {
    expect(decide("GET", "*")).toBe("BAD_REQUEST");
    expect(decide("OPTIONS", "*")).toBe("BAD_REQUEST");
    expect(decide("GET", "http://evil.example/")).toBe("BAD_REQUEST");
    expect(decide("GET", "/courses?x=1")).toBe("pass");
  });

  it("answers TRACE with the route's Allow", () => {
    expect(decide("TRACE", "/courses/x")).toBe("METHOD_NOT_ALLOWED (GET, HEAD, POST, OPTIONS)");
    expect(decide("TRACE", "/api/health")).toBe("METHOD_NOT_ALLOWED (GET, OPTIONS, HEAD)");
  });

  it("wants a declared length, at most a server action's, for bodies Next would copy", () => {
    expect(decide("POST", "/", { "transfer-encoding": "chunked" })).toBe("LENGTH_REQUIRED");
    expect(decide("POST", "/courses/c/checkout", { "content-length": String(1024 * 1024 + 1) })).toBe("PAYLOAD_TOO_LARGE");
    expect(decide("POST", "/api/nothing-here", { "transfer-encoding": "chunked" })).toBe("LENGTH_REQUIRED");
    expect(decide("POST", "/api/auth/x%41", { "transfer-encoding": "chunked" })).toBe("LENGTH_REQUIRED");
    expect(decide("POST", "/courses/c/checkout", { "content-length": "2048" })).toBe("pass");
  });

  it("holds the tus upload endpoint to declared chunks of at most 2 MiB, and only that route", () => {
    const MiB = 1024 * 1024;
    expect(decide("PATCH", "/api/admin/uploads/0f3a", { "content-length": String(1.5 * MiB) })).toBe("pass");
    expect(decide("PATCH", "/api/admin/uploads/0f3a", { "content-length": String(2 * MiB) })).toBe("pass");
    expect(decide("PATCH", "/api/admin/uploads/0f3a", { "content-length": String(2 * MiB + 1) })).toBe("PAYLOAD_TOO_LARGE");
    expect(decide("PATCH", "/api/admin/uploads/0f3a", { "transfer-encoding": "chunked" })).toBe("LENGTH_REQUIRED");
    expect(decide("POST", "/api/admin/uploads", { "content-length": "0" })).toBe("pass");
    // Elsewhere under /api/admin the page limit still holds.
    expect(decide("POST", "/api/admin/other", { "content-length": String(1.5 * MiB) })).toBe("PAYLOAD_TOO_LARGE");
    expect(decide("PATCH", "/api/admin/uploads/a/b", { "content-length": String(1.5 * MiB) })).toBe("PAYLOAD_TOO_LARGE");
  });

  it("leaves bodies to the routes that limit them themselves (after checking the session)", () => {
    for (const path of ["/api/progress", "/api/preferences", "/api/webhooks/stripe", "/api/auth/sign-in/email"]) {
      expect(decide("POST", path, { "transfer-encoding": "chunked" })).toBe("pass");
      expect(decide("POST", path, { "content-length": String(50 * 1024 * 1024) })).toBe("pass");
    }
  });
});

describe("installNodeRequestGuard", () => {
  let server: http.Server;
  let port = 0;
  let lastPeer: string | undefined;

  beforeAll(async () => {
    installNodeRequestGuard();
    // Stands in for Next: it turns each request into a web Request, as Next does for the proxy
    // and for route handlers, and that throws for TRACE (500 in Next).
    server = http.createServer((req, res) => {
      lastPeer = req.headers[PEER_ADDRESS_HEADER] as string | undefined;
      try {
        new Request(`http://127.0.0.1${req.url}`, { method: req.method });
        res.end("ok");
      } catch {
        res.statusCode = 500;
        res.end("Internal Server Error");
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "0.0.0.0", resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("premise: a web Request cannot carry TRACE (when this fails, Next may handle it itself)", () => {
    expect(() => new Request("http://127.0.0.1/", { method: "TRACE" })).toThrow(TypeError);
  });

  it("answers TRACE with 405, the route's Allow and the security headers before the application sees it", async () => {
    const page = await send(port, "TRACE", "/courses/x");
    expect(page.status).toBe(405);
    expect(page.headers.allow).toBe("GET, HEAD, POST, OPTIONS");
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    expect(page.headers["x-frame-options"]).toBe("DENY");
    expect(JSON.parse(page.body)).toMatchObject({ error: { code: "METHOD_NOT_ALLOWED" } });
  });

  it("answers an asterisk-form target with 400 (Next threw: 500)", async () => {
    expect((await send(port, "GET", "*")).status).toBe(400);
  });

  it("stamps the socket's peer address, whatever the client sent under that name", async () => {
    await send(port, "GET", "/", { [PEER_ADDRESS_HEADER]: "6.6.6.6" }, "127.0.0.2");
    expect(lastPeer).toBe("127.0.0.2");
    await send(port, "GET", "/", {}, "127.0.0.3");
    expect(lastPeer).toBe("127.0.0.3");
  });

  it("refuses a chunked page POST without keeping it, and the client reads the answer while still sending", async () => {
    for (let round = 0; round < 10; round++) {
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request({ host: "127.0.0.1", port, method: "POST", path: "/", agent: false, headers: { "transfer-encoding": "chunked" } }, (res) => {
          res.resume();
          res.on("end", () => {
            req.destroy();
            resolve(res.statusCode ?? 0);
          });
        });
        req.on("error", reject);
        // 4 MiB that the server must not keep: it reads and drops it (for at most LINGER_MS),
        // then answers. (16 MiB took longer than the linger on a machine at load 20: CI flake.)
        let left = 64;
        const pump = () => {
          while (left-- > 0) if (!req.write(Buffer.alloc(64 * 1024))) return void req.once("drain", pump);
          req.end();
        };
        pump();
      });
      expect(status).toBe(411);
    }
  });

  it("leaves every other request to the application", async () => {
    expect(await send(port, "GET", "/")).toMatchObject({ status: 200, body: "ok" });
    expect(await send(port, "PROPFIND", "/")).toMatchObject({ status: 200, body: "ok" });
    // Node's parser refuses TRACK itself; it never reaches the server's listener.
    expect((await send(port, "TRACK", "/")).status).toBe(400);
  });
});
