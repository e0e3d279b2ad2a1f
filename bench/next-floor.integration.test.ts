import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testProvider } from "../tests/support/test-db";
import { startNextFloor } from "./next-floor";

// The bench's floor page (next-floor.ts) builds and runs a Next.js server of its own: whatever
// happens to the bench, it must leave neither that server nor its build directory behind.

const results = path.resolve(__dirname, "results");
const TSX = path.resolve(__dirname, "../node_modules/.bin/tsx");

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

// No database in it: run with the SQLite pass only (each pass builds a Next.js app, ~20 s).
describe.runIf(testProvider() === "sqlite")("the stack's floor page", () => {
  it("says why when its build fails, and leaves no build directory behind", async () => {
    // A quote is not valid inside a JSX attribute string: the page does not compile.
    await expect(startNextFloor('http://127.0.0.1:9/"')).rejects.toThrow(/did not build[\s\S]*page\.jsx/);
    expect(fs.existsSync(path.join(results, `next-floor-${process.pid}`))).toBe(false);
  });

  it("stops with the bench on Ctrl-C (SIGINT to the bench's process group): no stray server", async () => {
    const before = new Set(fs.existsSync(results) ? fs.readdirSync(results) : []);
    const script = `require(${JSON.stringify(path.resolve(__dirname, "next-floor.ts"))}).startNextFloor("http://127.0.0.1:9/video.mp4").then((f) => { console.log("URL " + f.url); setTimeout(() => {}, 600000); });`;
    // Its own process group, as a terminal's foreground job.
    const bench = spawn(TSX, ["-e", script], { detached: true, stdio: ["ignore", "pipe", "inherit"] });
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      bench.stdout!.on("data", (d: Buffer) => {
        out += d.toString();
        const m = /URL (\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      bench.once("exit", (code) => reject(new Error(`the bench exited (${code}) before its floor answered: ${out}`)));
    });
    expect(await answers(url)).toBe(true);
    const exited = new Promise((resolve) => bench.once("exit", resolve));
    process.kill(-bench.pid!, "SIGINT");
    await exited;
    await expect.poll(() => answers(url), { timeout: 10_000 }).toBe(false);
    // Its directory stays (a Ctrl-C skips the bench's clean-up; bench/results is git-ignored): not this test's.
    for (const name of fs.readdirSync(results)) if (!before.has(name)) fs.rmSync(path.join(results, name), { recursive: true, force: true });
  });
});
