// The shipped nginx config (deploy/nginx/nginx.conf.template) in front of Better Auth's real
// handler with TRUSTED_PROXY_HOPS=1, over real HTTP on loopback: whatever X-Forwarded-For a
// client sends, the app sees only the address nginx was connected from, so a new forged value
// per request does not escape the sign-in throttle; likewise X-Forwarded-Host is nginx's, never the
// client's (the same-origin check believes it behind a proxy). scripts/test.sh installs nginx.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startNginx, type TRunningNginx } from "../../deploy/nginx/run-nginx";
import type { Db } from "../db";
import { loadEnv } from "../env";
import { createTestDatabase } from "../../tests/support/test-db";
import { createAuth } from "./create-auth";
import { THROTTLE } from "./sign-in-throttle";
import { isForeignOrigin } from "../http/same-origin";

let db: Db;
let cleanup: () => Promise<void>;
let app: http.Server;
let nginx: TRunningNginx;
const mediaRoot = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-auth-nginx-"));

beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
  // APP_URL is nginx's address, known only once it runs: the handler is created lazily.
  let handler: ((request: Request) => Promise<Response>) | undefined;
  app = http.createServer((req, res) => {
    void (async () => {
      if (req.url === "/echo-forwarded-for") {
        res.end(req.headers["x-forwarded-for"] ?? "");
        return;
      }
      if (req.url === "/echo-forwarded-host") {
        res.end(JSON.stringify({ host: req.headers.host ?? "", forwardedHost: req.headers["x-forwarded-host"] ?? "" }));
        return;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v);
      }
      const response = await handler!(
        new Request(`${nginx.baseUrl}${req.url}`, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined }),
      );
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  nginx = await startNginx({ app: `127.0.0.1:${(app.address() as AddressInfo).port}`, mediaRoot: `${mediaRoot}/` });
  const env = loadEnv({ NODE_ENV: "test", APP_URL: nginx.baseUrl, DATABASE_URL: "file:unused", TRUSTED_PROXY_HOPS: "1" });
  handler = createAuth({ db, env: { ...env, DATABASE_URL: process.env.TEST_DATABASE_URL ?? "file:./data/test.db" } }).handler;
}, 120_000);

afterAll(async () => {
  await nginx?.stop();
  await new Promise((resolve) => app?.close(resolve));
  await cleanup?.();
  fs.rmSync(mediaRoot, { recursive: true, force: true });
});

describe("behind the shipped nginx config", () => {
  it("replaces the client's X-Forwarded-For with the address nginx saw", async () => {
    const res = await fetch(`${nginx.baseUrl}/echo-forwarded-for`, { headers: { "x-forwarded-for": "6.6.6.6, 7.7.7.7" } });
    expect(await res.text()).toBe("127.0.0.1");
  });

  it("replaces the client's X-Forwarded-Host with the host it addressed, so a foreign Origin stays foreign", async () => {
    const res = await fetch(`${nginx.baseUrl}/echo-forwarded-host`, { headers: { "x-forwarded-host": "evil.example" } });
    const seen = (await res.json()) as { host: string; forwardedHost: string };
    const addressed = new URL(nginx.baseUrl).host;
    expect(seen).toEqual({ host: addressed, forwardedHost: addressed });
    // What the app's same-origin check (TRUSTED_PROXY_HOPS=1) makes of it:
    const headers = new Headers({ host: seen.host, "x-forwarded-host": seen.forwardedHost, origin: "https://evil.example" });
    expect(isForeignOrigin(headers, 1)).toBe(true);
    headers.set("origin", nginx.baseUrl);
    expect(isForeignOrigin(headers, 1)).toBe(false);
  });

  it("throttles a client that forges a new X-Forwarded-For per request", async () => {
    const signIn = (i: number) =>
      fetch(`${nginx.baseUrl}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: nginx.baseUrl, "x-forwarded-for": `10.5.${i}.1` },
        body: JSON.stringify({ email: `target-${i}@example.com`, password: "x".repeat(8) }),
      });
    for (let i = 0; i < THROTTLE.maxPerClient; i++) expect((await signIn(i)).status).toBe(401);
    expect((await signIn(THROTTLE.maxPerClient)).status).toBe(429);
    const keys = (await db.signInThrottle.findMany({ select: { key: true } })).map((r) => r.key);
    expect(keys).toContain("ip:127.0.0.1");
    expect(keys.join("\n")).not.toMatch(/10\.5\./);
  });
});
