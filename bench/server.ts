import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";

export type TRunningServer = { baseUrl: string; stop(): Promise<void> };

/** Starts the production build (`next start`) and waits until /api/health answers. */
export async function startAppServer(port: number, env: Record<string, string>): Promise<TRunningServer> {
  if (!fs.existsSync(".next/BUILD_ID")) {
    throw new Error("No production build: run `npx next build` (or `npm run quickstart`) first.");
  }
  const child: ChildProcess = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], {
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`next start did not become healthy on ${baseUrl}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    async stop() {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
      await new Promise((r) => setTimeout(r, 300));
    },
  };
}
