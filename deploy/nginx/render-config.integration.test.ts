// The generated config (deploy/nginx/render-config.ts) run by Debian's nginx in front of two app
// instances: requests are balanced across both, a dead instance is skipped, and the access log
// names the instance that served each request; with a certificate, TLS and HTTP/2.
import fs from "node:fs";
import http from "node:http";
import http2 from "node:http2";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freePort, startNginx, type TRunningNginx } from "./run-nginx";
import { selfSignedCert, type TSelfSignedCert } from "./self-signed-cert";

type TInstance = { name: string; host: string; server: http.Server };

async function instance(name: string): Promise<TInstance> {
  const port = await freePort();
  const server = http.createServer((_req, res) => res.end(name));
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { name, host: `127.0.0.1:${port}`, server };
}

let a: TInstance;
let b: TInstance;
let nginx: TRunningNginx;
const mediaRoot = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-render-config-"));

beforeAll(async () => {
  a = await instance("instance-a");
  b = await instance("instance-b");
  nginx = await startNginx({ app: [a.host, b.host], mediaRoot, accessLog: true });
});
afterAll(async () => {
  await nginx?.stop();
  for (const i of [a, b]) i?.server.close();
  fs.rmSync(mediaRoot, { recursive: true, force: true });
});

describe("nginx with the generated config and two instances", () => {
  it("balances requests across both and logs which one served each", async () => {
    const served = [];
    for (let i = 0; i < 6; i++) served.push(await (await fetch(`${nginx.baseUrl}/api/health?i=${i}`)).text());
    expect(new Set(served)).toEqual(new Set(["instance-a", "instance-b"]));
    // nginx writes each log line after its response has gone out.
    await vi.waitFor(() => {
      const log = fs.readFileSync(path.join(nginx.prefix, "access.log"), "utf8");
      expect(log).toContain(`upstream=${a.host}`);
      expect(log).toContain(`upstream=${b.host}`);
    });
  });

  it("keeps answering from the live instance when one dies (GET is retried on the next)", async () => {
    await new Promise<void>((resolve) => b.server.close(() => resolve()));
    b.server.closeAllConnections();
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${nginx.baseUrl}/api/health?after=${i}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe("instance-a");
    }
  });
});

describe("nginx with the generated config and --tls-cert/--tls-key", () => {
  let upstream: TInstance;
  let tlsNginx: TRunningNginx;
  let certDir: string;
  let cert: TSelfSignedCert;

  beforeAll(async () => {
    upstream = await instance("behind-tls");
    certDir = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-tls-"));
    cert = selfSignedCert(certDir);
    tlsNginx = await startNginx({ app: upstream.host, mediaRoot, tls: { cert: cert.cert, key: cert.key } });
  });
  afterAll(async () => {
    await tlsNginx?.stop();
    upstream?.server.close();
    fs.rmSync(certDir, { recursive: true, force: true });
  });

  it("answers over HTTP/2 (ALPN h2) with the app's body and tells the app the scheme was https", async () => {
    expect(tlsNginx.baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    upstream.server.removeAllListeners("request");
    upstream.server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => res.end(`proto=${req.headers["x-forwarded-proto"]}`));
    const session = http2.connect(tlsNginx.baseUrl, { ca: fs.readFileSync(cert.cert) });
    try {
      await new Promise<void>((resolve, reject) => (session.once("connect", () => resolve()), session.once("error", reject)));
      expect(session.alpnProtocol).toBe("h2");
      const body = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = session.request({ ":path": "/api/health" });
        let text = "";
        let status = 0;
        req.on("response", (h) => (status = Number(h[":status"])));
        req.on("data", (c: Buffer) => (text += c.toString()));
        req.on("end", () => resolve({ status, text }));
        req.on("error", reject);
      });
      expect(body).toEqual({ status: 200, text: "proto=https" });
    } finally {
      session.close();
    }
  });

  it("refuses plain HTTP on the TLS port", async () => {
    const res = await fetch(tlsNginx.baseUrl.replace("https:", "http:") + "/api/health");
    expect(res.status).toBe(400);
  });
});
