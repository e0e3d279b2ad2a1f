import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export type TWorkerProcess = { child: ChildProcess; output: () => string; stop: () => Promise<number | null> };

/**
 * `npm run worker` (scripts/worker.ts) against the e2e database, as a child of the test. Its
 * media and upload folders are the e2e server's defaults (same working directory). stop() sends
 * SIGTERM, as a process manager would, and resolves with the exit code.
 */
export function startWorkerProcess(): TWorkerProcess {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve("scripts/worker.ts")], {
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db", NODE_ENV: "production", LECTERN_SECRET: "e2e-secret-for-tests-only-0123456789abcdef" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  return {
    child,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once("exit", (code) => resolve(code));
        child.kill("SIGTERM");
      }),
  };
}
