// A second `next start` of the production build, for journeys that need another setting than
// the shared e2e server (playwright.config.ts), e.g. a short STREAM_TOKEN_TTL_SECONDS. Same
// build, same e2e database.
import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "../../deploy/nginx/run-nginx";

export type TStartedApp = { baseURL: string; process: ChildProcess; output(): string; stop(): Promise<void> };

/** Starts the app with `env` over the e2e server's settings and waits until /api/health answers. */
export async function startApp(env: Record<string, string>, options: { host?: string } = {}): Promise<TStartedApp> {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const child = spawn("npx", ["next", "start", "-H", options.host ?? "127.0.0.1", "-p", String(port)], {
    env: {
      ...process.env,
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db",
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      APP_URL: baseURL,
      PORT: String(port),
      LECTERN_SECRET: "e2e-secret-for-tests-only-0123456789abcdef",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid!, "SIGTERM");
    await exited;
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) return { baseURL, process: child, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`next start did not answer /api/health within 60 s:\n${output}`);
}

export { freePort };
