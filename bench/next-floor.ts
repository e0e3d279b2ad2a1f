// The floor of the stack (issue 12, ADR 008): the smallest page Next.js's App Router can serve,
// built with this repository's own next, react and react-dom, holding nothing but the same
// <video autoplay> of the same MP4 as the bare page on nginx. What it costs over the bare page is
// what any page of this stack (Next.js + React, the product's design card) costs before a line of
// Lectern runs: the framework's scripts, their parse and hydration, Next's server.
//
// Built at bench time under bench/results/ (ignored by git and tsconfig) so that the repository's
// node_modules resolve; plain .jsx files, so Next needs no TypeScript set-up of its own.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort } from "../deploy/nginx/run-nginx";

const root = path.resolve(__dirname, "..");
const NEXT = path.join(root, "node_modules/.bin/next");

export type TNextFloor = { url: string; stop(): Promise<void> };

/** Builds and starts the floor page; `videoUrl` is the MP4 its <video> plays (absolute). */
export async function startNextFloor(videoUrl: string): Promise<TNextFloor> {
  const dir = path.join(root, "bench/results", `next-floor-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, "app"), { recursive: true });
  fs.writeFileSync(path.join(dir, "package.json"), '{ "private": true }\n');
  fs.writeFileSync(path.join(dir, "next.config.js"), "module.exports = { poweredByHeader: false };\n");
  // Without a file of its own, Next takes the repository's instrumentation.ts (Lectern's start-up
  // checks) from the Turbopack root, the repository.
  fs.writeFileSync(path.join(dir, "instrumentation.js"), "export function register() {}\n");
  fs.writeFileSync(
    path.join(dir, "app/layout.jsx"),
    'export const metadata = { title: "Next.js floor" };\n' +
      'export default function Layout({ children }) { return <html lang="en"><body>{children}</body></html>; }\n',
  );
  // Static (prerendered at build), like Lectern's shared copy of the watch page.
  fs.writeFileSync(
    path.join(dir, "app/page.jsx"),
    `export default function Page() {\n  return <video src=${JSON.stringify(videoUrl)} autoPlay playsInline preload="auto" width={1280} height={720} />;\n}\n`,
  );
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  try {
    execFileSync(NEXT, ["build"], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer };
    fs.rmSync(dir, { recursive: true, force: true });
    const output = `${e.stdout?.toString() ?? ""}${e.stderr?.toString() ?? ""}`;
    // The first error line on the message's first line: the bench's row shows only that one.
    const reason = output.split("\n").find((line) => /error/i.test(line))?.trim() ?? "see below";
    throw new Error(`the Next.js floor page did not build: ${reason}\n${output}`);
  }
  const port = await freePort();
  // In the bench's process group (not detached): a Ctrl-C of the bench stops it too, where the
  // bench's `finally` never runs. `next start` is one process: killing it is enough.
  const child = spawn(NEXT, ["start", "-H", "127.0.0.1", "-p", String(port)], { cwd: dir, env, stdio: "ignore" });
  const url = `http://127.0.0.1:${port}/`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(url)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error("the Next.js floor page did not answer within 20 s");
}
