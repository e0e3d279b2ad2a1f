// Ingest figures (issue 9), on this machine, in one run:
//   (a) `lectern import` of a generated 2-minute 1080p source: wall time, speed as ×realtime,
//       peak memory of the Node process and of the whole tree (Node + ffmpeg);
//   (b) the bare ffmpeg command lines Lectern ran for it (recorded through run-ffmpeg's
//       observer), run again by themselves in the same order: the ceiling; Lectern's overhead
//       is (a) − (b) (validation, ffprobe, playlists, database). Goal ≤ 10 %;
//   (c) re-importing the unchanged sample course with the CLI as a person runs it (goal < 2 s).
// Figures only, never a pass/fail (CONVENTIONS: no timing assertions in tests).
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { importCourseFolder } from "../lib/ingest/import-course-folder";
import { observeFfmpegRuns } from "../lib/ingest/run-ffmpeg";
import { createTestDatabase } from "../tests/support/test-db";
import type { TRowInput } from "./report";

const SAMPLE_COURSE = "content/enterprise-software-with-python";

/** Resident memory of a process and all its descendants, in bytes, from /proc. */
function treeRss(rootPid: number): { tree: number; root: number } {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ppid = Number(fields[1]);
      rss.set(Number(entry), Number(fields[21]) * 4096);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let tree = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    tree += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return { tree, root: rss.get(rootPid) ?? 0 };
}

function sampleMemory(pid: number) {
  const peak = { tree: 0, root: 0 };
  const timer = setInterval(() => {
    const now = treeRss(pid);
    peak.tree = Math.max(peak.tree, now.tree);
    peak.root = Math.max(peak.root, now.root);
  }, 100);
  return { peak, stop: () => clearInterval(timer) };
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

/** A 1920×1080 30 fps source with stereo audio, cached under data/bench (not measured). */
function generatedSource(seconds: number): string {
  const file = path.resolve(`data/bench/source-1080p-${seconds}s.mp4`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  console.log(`  generating ${path.relative(process.cwd(), file)} (once)…`);
  execFileSync("ffmpeg", [
    "-v", "error", "-y",
    "-f", "lavfi", "-i", `testsrc2=size=1920x1080:rate=30:duration=${seconds}`,
    "-f", "lavfi", "-i", `sine=frequency=440:sample_rate=48000:duration=${seconds}`,
    "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p", "-c:a", "aac", "-ac", "2",
    "-shortest", `${file}.${process.pid}.tmp.mp4`,
  ]);
  fs.renameSync(`${file}.${process.pid}.tmp.mp4`, file);
  return file;
}

function runBare(runs: { args: string[]; cwd?: string }[], from: string, to: string): Promise<number> {
  return runs.reduce<Promise<number>>(async (total, run) => {
    const before = await total;
    const swap = (s: string) => s.split(from).join(to);
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const child = spawn("ffmpeg", run.args.map(swap), { cwd: run.cwd ? swap(run.cwd) : undefined, stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
      child.on("error", reject);
      child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`bare ffmpeg failed (${code}): ${stderr.slice(-500)}`))));
    });
    return before + (performance.now() - started);
  }, Promise.resolve(0));
}

/** Mirrors the sub-folders of a finished segment (rung folders ffmpeg's HLS muxer expects to exist). */
function mirrorFolders(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) mirrorFolders(path.join(from, entry.name), path.join(to, entry.name));
  }
}

type TMemoryRow = { seconds: number; nodeBefore: number; nodePeak: number; treePeak: number; lecternMs: number; bareMs: number };

async function benchSourceImport(seconds: number): Promise<TMemoryRow> {
  const source = generatedSource(seconds);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-bench-ingest-"));
  const folder = path.join(work, "bench-course");
  const mediaRoot = path.join(work, "media");
  fs.mkdirSync(folder, { recursive: true });
  fs.symlinkSync(source, path.join(folder, "talk.mp4"));
  fs.writeFileSync(
    path.join(folder, "course.yaml"),
    `slug: bench-course\ntitle: Bench\nauthors: [Bench]\nprice: "1"\nparts:\n  - title: One\n    segments:\n      - { slug: talk, title: Talk, source: talk.mp4 }\n`,
  );
  const t = await createTestDatabase();
  const runs: { args: string[]; cwd?: string }[] = [];
  const unobserve = observeFfmpegRuns((run) => runs.push(run));
  const memory = sampleMemory(process.pid);
  const nodeBefore = process.memoryUsage().rss;
  try {
    const started = performance.now();
    const result = await importCourseFolder({
      db: t.db,
      folder,
      mediaRoot,
      jobs: 1,
      stream: { write: () => true, isTTY: false } as unknown as NodeJS.WritableStream,
      log: () => {},
    });
    const lecternMs = performance.now() - started;
    memory.stop();
    unobserve();

    // The same command lines, bare, into a fresh folder with the same layout. Only the segment's
    // runs (under MEDIA_ROOT): the course's cover and author images are drawn in a temporary
    // folder that is gone by now, and they count as Lectern's own work (overhead) here.
    const segmentDir = path.join(mediaRoot, "bench-course", "talk");
    const videoRuns = runs.filter((r) => r.cwd?.startsWith(mediaRoot + path.sep));
    const imageRuns = runs.length - videoRuns.length;
    const workDir = videoRuns[0]?.cwd ?? segmentDir;
    const bareDir = path.join(work, "bare");
    mirrorFolders(segmentDir, bareDir);
    const bareMs = await runBare(videoRuns, workDir, bareDir);
    const overhead = (lecternMs - bareMs) / bareMs;

    console.log(`\nIngest of a generated ${seconds} s 1920×1080 source (${result.encoded} segment encoded, 1 job)`);
    console.log("| run | wall | ×realtime |");
    console.log("|---|---:|---:|");
    console.log(`| lectern import (validate, encode, playlists, database) | ${(lecternMs / 1000).toFixed(1)} s | ${(seconds / (lecternMs / 1000)).toFixed(2)}× |`);
    console.log(`| the same ${videoRuns.length} ffmpeg command lines, bare | ${(bareMs / 1000).toFixed(1)} s | ${(seconds / (bareMs / 1000)).toFixed(2)}× |`);
    if (imageRuns > 0) console.log(`  (Lectern also drew ${imageRuns} course image${imageRuns === 1 ? "" : "s"}: counted in its overhead)`);
    console.log(
      `  Lectern's overhead over bare ffmpeg: ${(overhead * 100).toFixed(1)} % (goal ≤ 10 %); ` +
        `validate ${(result.timings.validateMs / 1000).toFixed(2)} s, database ${(result.timings.databaseMs / 1000).toFixed(2)} s`,
    );
    console.log(
      `  Peak memory: Node process ${mib(memory.peak.root)} (${mib(nodeBefore)} before the import), ` +
        `Node + ffmpeg ${mib(memory.peak.tree)}`,
    );
    console.log("  ffmpeg command lines:");
    for (const run of videoRuns) console.log(`    ffmpeg ${run.args.join(" ").replaceAll(workDir, "<work>")}`);
    return { seconds, nodeBefore, nodePeak: memory.peak.root, treePeak: memory.peak.tree, lecternMs, bareMs };
  } finally {
    memory.stop();
    unobserve();
    await t.cleanup();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function runCli(args: string[], env: Record<string, string>): Promise<{ ms: number; output: string; code: number | null }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/lectern.ts", ...args], {
      env: { ...process.env, ...env, CI: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.on("close", (code) => resolve({ ms: performance.now() - started, output, code }));
  });
}

async function benchSampleReimport(): Promise<number | null> {
  const t = await createTestDatabase();
  try {
    const env = { DATABASE_URL: t.url };
    // Measure a re-import, never an encode: with stale media (a new GENERATOR_VERSION) say so and skip.
    const plan = await runCli(["import", SAMPLE_COURSE, "--dry-run"], env);
    if (!/Dry run: 0 of \d+ segments would be encoded/.test(plan.output)) {
      console.log(`\nRe-import of the unchanged sample course: skipped, its media is not current (run \`npm run media\` first):\n${plan.output.trim().split("\n").at(-1)}`);
      return null;
    }
    const first = await runCli(["import", SAMPLE_COURSE], env);
    if (first.code !== 0) throw new Error(`sample import failed:\n${first.output}`);
    const again = await runCli(["import", SAMPLE_COURSE], env);
    const took = /Took ([\d.]+) s/.exec(again.output)?.[1];
    console.log(`\nRe-import of the unchanged sample course (${SAMPLE_COURSE}, media current)`);
    console.log(
      `  npm run lectern -- import: ${(again.ms / 1000).toFixed(2)} s wall including Node/tsx start-up; ` +
        `the import itself ${took ?? "?"} s (goal < 2 s); first import into an empty database ${(first.ms / 1000).toFixed(2)} s`,
    );
    return took === undefined ? null : Number(took);
  } finally {
    await t.cleanup();
  }
}

/**
 * `seconds` lists the source lengths, shortest first (BENCH_INGEST_SECONDS=20,120 by default):
 * each gets the full table, and a last table puts their peak memory side by side — the import
 * streams through ffmpeg, so Node's peak should not grow with the source.
 */
export async function benchIngest(options: { seconds: number[] }, add: (row: TRowInput) => void = () => {}): Promise<void> {
  const reimport = await benchSampleReimport();
  add({
    figure: "re-import of the unchanged sample course",
    unit: "s",
    better: "lower",
    lectern: reimport,
    goal: "< 2 s",
    ...(reimport === null ? { note: "skipped: the sample's media is not current (npm run media)" } : {}),
  });
  const rows: TMemoryRow[] = [];
  for (const seconds of options.seconds) {
    const r = await benchSourceImport(seconds);
    rows.push(r);
    add({
      figure: `ingest of a ${seconds} s 1080p source, wall`,
      unit: "s",
      better: "lower",
      lectern: r.lecternMs / 1000,
      referenceName: "the same ffmpeg command lines, bare",
      reference: r.bareMs / 1000,
      goal: "≤ 1.10× (overhead ≤ 10 %)",
      note: `Node peak RSS ${mib(r.nodePeak)}, Node + ffmpeg ${mib(r.treePeak)}`,
    });
  }
  if (rows.length < 2) return;
  console.log("\nPeak memory of the import as the source grows (same process, one after the other)");
  console.log("| source | Node before | Node peak | Node + ffmpeg peak |");
  console.log("|---:|---:|---:|---:|");
  for (const r of rows) console.log(`| ${r.seconds} s | ${mib(r.nodeBefore)} | ${mib(r.nodePeak)} | ${mib(r.treePeak)} |`);
  const first = rows[0]!;
  const last = rows.at(-1)!;
  console.log(
    `  ${last.seconds / first.seconds}× the source: Node's peak ×${(last.nodePeak / first.nodePeak).toFixed(2)}, ` +
      `Node + ffmpeg ×${(last.treePeak / first.treePeak).toFixed(2)} (flat is ≈ 1)`,
  );
}
