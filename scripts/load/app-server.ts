import { spawn } from "node:child_process";
import path from "node:path";
import { freePort } from "../../e2e/support/start-app";

const root = path.resolve(__dirname, "../..");

export type TApp = {
  baseUrl: string;
  output(): string;
  /** How the server ended if it ended before stop() (a crash under load), else null. */
  exitedEarly(): string | null;
  stop(): Promise<void>;
};

/** `next start` of the production build on 127.0.0.1 with `env`; resolves once /api/health answers. */
export async function startApp(env: Record<string, string>): Promise<TApp> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", APP_URL: baseUrl, PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  let early: string | null = null;
  let stopping = false;
  child.once("exit", (code, signal) => {
    if (!stopping) early = signal ? `killed by ${signal}` : `exited with code ${code}`;
  });
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const stop = async () => {
    stopping = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid!, "SIGTERM");
    await exited;
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return { baseUrl, output: () => output, exitedEarly: () => early, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`next start did not answer /api/health within 60 s:\n${output}`);
}
