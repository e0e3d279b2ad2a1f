// The generated config (deploy/nginx/render-config.ts) run by Debian's nginx in front of two app
// instances: requests are balanced across both, a dead instance is skipped, and the access log
// names the instance that served each request.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freePort, startNginx, type TRunningNginx } from "./run-nginx";

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
