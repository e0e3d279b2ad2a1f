// One way to start `next start` of the production build and know it is serving: used by the
// local deployment (deploy/local), the load test (scripts/load) and e2e journeys that need a
// server with other settings (e2e/support/start-app.ts).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { freePort } from "../nginx/run-nginx";

const root = path.resolve(__dirname, "../..");

export type TStartedNext = {
  name: string;
  port: number;
  /** http://127.0.0.1:<port>: the instance's own address (not necessarily the public APP_URL). */
  baseURL: string;
  process: ChildProcess;
  output(): string;
  /** How the server ended if it ended before stop() (a crash, a kill), else null. */
  exitedEarly(): string | null;
  /**
   * Ends the server and the processes it started (`next start` runs the server in a child, so
   * the whole process group gets the signal). SIGKILL is a crash; SIGTERM a clean stop.
   */
  stop(signal?: NodeJS.Signals): Promise<void>;
};

export type TStartNextOptions = {
  /** Merged over process.env. PORT is set here; APP_URL defaults to the instance's address. */
  env: Record<string, string>;
  name?: string;
  host?: string;
  port?: number;
  timeoutMs?: number;
};

export async function startNext(options: TStartNextOptions): Promise<TStartedNext> {
  const name = options.name ?? "next start";
  const port = options.port ?? (await freePort());
  const baseURL = `http://127.0.0.1:${port}`;
  const child = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-H", options.host ?? "127.0.0.1", "-p", String(port)], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", APP_URL: baseURL, ...options.env, PORT: String(port) },
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
  const ended = () => child.exitCode !== null || child.signalCode !== null;
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    stopping = true;
    if (ended()) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // the group is already gone
    }
    await exited;
  };

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (ended()) throw new Error(`${name} exited (${early}):\n${output}`);
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) {
        return { name, port, baseURL, process: child, output: () => output, exitedEarly: () => early, stop };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`${name} did not answer /api/health within ${Math.round((options.timeoutMs ?? 60_000) / 1000)} s:\n${output}`);
}

export { freePort };
