import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveMediaPath } from "../lib/media/media-path";
import { courseId } from "../lib/ingest/stable-id";
import { makeSourceVideo } from "../tests/support/make-source-video";
import { createTestDatabase, type TestDatabase } from "../tests/support/test-db";

// The import CLI as a person runs it (a real process, real ffmpeg, a real database): killed
// with SIGKILL mid-encode (a crash: no handler runs) and interrupted with SIGINT (Ctrl-C),
// then run again. Whatever the moment, the database holds the course whole or not at all, no
// half-written segment is ever where media is served from, and the re-run finishes the job.

const root = path.resolve(import.meta.dirname, "..");
let t: TestDatabase;
let work: string;
let folder: string;
let mediaRoot: string;

beforeAll(async () => {
  t = await createTestDatabase();
  work = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-cli-"));
  folder = path.join(work, "kill-course");
  mediaRoot = path.join(work, "media");
  // Long enough that an encode is surely running when the test strikes (--fast keeps it cheap).
  makeSourceVideo(path.join(folder, "one.mp4"), { width: 640, height: 360, seconds: 10 });
  makeSourceVideo(path.join(folder, "two.mp4"), { width: 640, height: 360, seconds: 10 });
  fs.writeFileSync(
    path.join(folder, "course.yaml"),
    `slug: kill-course
title: Kill Course
authors: [Ada]
price: "9.99"
parts:
  - title: Only
    segments:
      - { slug: one, title: One, source: one.mp4 }
      - { slug: two, title: Two, source: two.mp4 }
`,
  );
});
afterAll(async () => {
  await t?.cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

type TRun = { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> };

function lectern(args: string[], options: { detached?: boolean } = {}): TRun {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/lectern.ts", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: t.url, MEDIA_ROOT: mediaRoot, CI: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so SIGKILL can take the CLI and its ffmpeg together, as a crash would.
    detached: options.detached,
  });
  let output = "";
  child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, output })),
  );
  return { child, done };
}

const courseDir = () => path.join(mediaRoot, "kill-course");
const workDirs = () => (fs.existsSync(courseDir()) ? fs.readdirSync(courseDir()).filter((n) => /\.tmp-\d+$/.test(n)) : []);

/** Resolves once ffmpeg has written into a temporary render folder. */
async function encodeUnderway(run: TRun): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (run.child.exitCode !== null) throw new Error(`lectern ended before encoding: ${(await run.done).output}`);
    const dir = workDirs()[0];
    if (dir && fs.readdirSync(path.join(courseDir(), dir), { recursive: true }).some((f) => String(f).endsWith(".ts") || String(f).endsWith(".mp4"))) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("no encode started within 60 s");
}

/** Every segment folder where media is served from is complete: media.json and each file it lists. */
function servedFoldersAreWhole(): void {
  if (!fs.existsSync(courseDir())) return;
  for (const name of fs.readdirSync(courseDir())) {
    if (name.startsWith(".")) {
      // Temporary render folders are never reachable through a media URL.
      expect(resolveMediaPath(mediaRoot, "kill-course", name, ["master.m3u8"])).toBeNull();
      continue;
    }
    // The landing page's images (cover.jpg, author-*.jpg, images.json) are files beside the folders.
    if (!fs.statSync(path.join(courseDir(), name)).isDirectory()) continue;
    const facts = JSON.parse(fs.readFileSync(path.join(courseDir(), name, "media.json"), "utf8")) as { assets: { path: string }[] };
    for (const asset of facts.assets) expect(fs.existsSync(path.join(courseDir(), name, asset.path)), `${name}/${asset.path}`).toBe(true);
  }
}

describe("lectern import, interrupted", () => {
  it("SIGKILL mid-encode: nothing half-written is served, the database is untouched, a re-run finishes", { timeout: 180_000 }, async () => {
    const run = lectern(["import", folder, "--fast", "--jobs", "1"], { detached: true });
    await encodeUnderway(run);
    process.kill(-run.child.pid!, "SIGKILL");
    const killed = await run.done;
    expect(killed.signal).toBe("SIGKILL");

    expect(await t.db.course.count({ where: { id: courseId("kill-course") } })).toBe(0);
    expect(workDirs()).toHaveLength(1); // left behind by the crash, invisible
    servedFoldersAreWhole();

    const again = await lectern(["import", folder, "--fast"]).done;
    expect(again.code, again.output).toBe(0);
    expect(again.output).toContain("Removed 1 unfinished encode left by an interrupted run.");
    expect(again.output).toMatch(/Imported kill-course: 1 parts, 2 segments; \d encoded, \d unchanged\./);
    expect(workDirs()).toEqual([]);
    servedFoldersAreWhole();
    const segments = await t.db.segment.findMany({
      where: { courseId: courseId("kill-course") },
      orderBy: { position: "asc" },
      select: { slug: true, durationSeconds: true, assets: { where: { kind: "hls-master" }, select: { path: true } } },
    });
    expect(segments.map((s) => [s.slug, Math.round(s.durationSeconds), s.assets.length])).toEqual([["one", 10, 1], ["two", 10, 1]]);
  });

  it("SIGINT (Ctrl-C) stops ffmpeg, removes its temporary folder, exits 130; the next run reuses what was finished", { timeout: 180_000 }, async () => {
    const run = lectern(["import", folder, "--fast", "--force", "--jobs", "1"]);
    await encodeUnderway(run);
    run.child.kill("SIGINT");
    const stopped = await run.done;
    expect(stopped.code, stopped.output).toBe(130);
    expect(stopped.output).toContain("lectern: interrupted:");
    expect(stopped.output).toContain("Run the same command again to resume.");
    expect(workDirs()).toEqual([]);
    servedFoldersAreWhole();
    // The database still holds the course from the previous import, whole.
    expect(await t.db.segment.count({ where: { courseId: courseId("kill-course"), archivedAt: null } })).toBe(2);

    const again = await lectern(["import", folder, "--fast"]).done;
    expect(again.code, again.output).toBe(0);
    // Content-addressed: the unchanged media of the earlier run is reused, not encoded again.
    expect(again.output).toContain("0 encoded, 2 unchanged; the database was already up to date.");
  });
});
