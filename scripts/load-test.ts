// `npm run test:load`: 200 simulated viewers for 60 s against `next start`, on SQLite and on
// PostgreSQL, each on a freshly migrated and seeded database, everything on 127.0.0.1.
// Passes when no request failed (status, body, timeout) and no acknowledged progress write is
// missing from the database; prints p50/p99/max per endpoint (Markdown) and writes
// test-results/load.json. Then the crash scenario (scripts/load/crash-test.ts): 50 Stripe
// checkouts and their webhooks, the app SIGKILLed mid-flight, restart, recovery, invariants.
// Options: --viewers N --seconds N --providers sqlite,postgres --scenarios load,crash --buyers N.
// See README ("Load test", "Crash test").
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ENDPOINTS } from "./load/latency";
import { runCrashTest, type TCrashRun } from "./load/crash-test";
import { runLoad, type TCheck, type TProvider, type TRun } from "./load/run-load";

const root = path.resolve(__dirname, "..");
process.chdir(root);

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const VIEWERS = Number(option("viewers", "200"));
const SECONDS = Number(option("seconds", "60"));
const PROVIDERS = option("providers", "sqlite,postgres").split(",") as TProvider[];
const SCENARIOS = option("scenarios", "load,crash").split(",");
const BUYERS = Number(option("buyers", "50"));
if (SCENARIOS.some((s) => s !== "load" && s !== "crash") || !(BUYERS >= 2)) {
  console.error("--scenarios takes load, crash or load,crash; --buyers a number of at least 2");
  process.exit(2);
}
const LEARNERS = Math.ceil(VIEWERS / 2);

function postgres(command: "start" | "stop" | "url"): string {
  return execFileSync("scripts/postgres.sh", [command], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
}

function markdown(runs: TRun[]): string {
  const lines = [
    "| database | endpoint | requests | errors | p50 ms | p99 ms | max ms |",
    "|---|---|---:|---:|---:|---:|---:|",
  ];
  for (const run of runs) {
    for (const e of ENDPOINTS) {
      const f = run.endpoints[e];
      lines.push(`| ${run.provider} | ${e} | ${f.requests} | ${f.errors} | ${f.p50Ms} | ${f.p99Ms} | ${f.maxMs} |`);
    }
  }
  lines.push("", "| database | progress writes acked / failed | rows expected / stored | watched s acked / stored | lost | streamed MB |");
  lines.push("|---|---:|---:|---:|---:|---:|");
  for (const run of runs) {
    const p = run.progress;
    lines.push(
      `| ${run.provider} | ${p.acknowledgedWrites} / ${p.unacknowledgedWrites} | ${p.expectedRows} / ${p.storedRows} | ${p.ackedSeconds} / ${p.storedSeconds} | ${p.problems.length} | ${run.streamedMB} |`,
    );
  }
  return lines.join("\n");
}

function crashMarkdown(runs: TCrashRun[]): string {
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r.figures)))];
  const lines = [`| crash test | ${runs.map((r) => r.provider).join(" | ")} |`, `|---|${runs.map(() => "---:").join("|")}|`];
  for (const key of keys) lines.push(`| ${key} | ${runs.map((r) => r.figures[key] ?? "–").join(" | ")} |`);
  const statuses = (s: Record<string, number>) => Object.entries(s).map(([k, v]) => `${v} ${k}`).join(", ");
  lines.push(`| orders at the kill | ${runs.map((r) => statuses(r.atKill)).join(" | ")} |`);
  lines.push(`| orders at the end | ${runs.map((r) => statuses(r.final.byStatus)).join(" | ")} |`);
  lines.push(`| paid sessions / purchases / problems | ${runs.map((r) => `${r.final.paidSessions} / ${r.final.purchases} / ${r.final.problems.length}`).join(" | ")} |`);
  return lines.join("\n");
}

async function main() {
  const started = Date.now();
  if (SCENARIOS.includes("load")) console.log(`Load test: ${VIEWERS} viewers (${LEARNERS} signed-in learners) for ${SECONDS} s on ${PROVIDERS.join(" and ")}`);
  const build = spawnSync("node", ["scripts/build-if-changed.mjs"], { stdio: "inherit" });
  if (build.status !== 0) throw new Error("the production build failed");

  const runs: TRun[] = [];
  const crashRuns: TCrashRun[] = [];
  const crashed: TCheck[] = [];
  for (const provider of PROVIDERS) {
    let serverUrl: string | undefined;
    try {
      if (provider === "postgres") {
        postgres("start");
        serverUrl = postgres("url");
      }
      if (SCENARIOS.includes("load")) {
        try {
          runs.push(await runLoad(provider, { viewers: VIEWERS, seconds: SECONDS, serverUrl }));
        } catch (error) {
          crashed.push({ name: `${provider} run`, ok: false, detail: (error as Error).stack ?? String(error) });
        }
      }
      if (SCENARIOS.includes("crash")) {
        try {
          const crashStarted = Date.now();
          console.log(`  ${provider}: crash test — ${BUYERS} Stripe checkouts, SIGKILL mid-flight, restart, recovery…`);
          crashRuns.push(await runCrashTest({ provider, serverUrl, buyers: BUYERS }));
          console.log(`  ${provider}: crash test done in ${Math.round((Date.now() - crashStarted) / 1000)} s`);
        } catch (error) {
          crashed.push({ name: `${provider} crash test`, ok: false, detail: (error as Error).stack ?? String(error) });
        }
      }
    } finally {
      if (provider === "postgres") postgres("stop");
    }
  }

  if (runs.length) console.log(`\n${markdown(runs)}\n`);
  if (crashRuns.length) console.log(`\n${crashMarkdown(crashRuns)}\n`);
  for (const run of crashRuns) {
    console.log(`  ${run.provider}: reconcile-orders after the restart printed:`);
    for (const line of run.reconcileOutput.trim().split("\n").slice(-12)) console.log(`    ${line}`);
  }
  const checks = [
    ...runs.flatMap((r) => r.checks.map((c) => ({ ...c, name: `${r.provider}: ${c.name}` }))),
    ...crashRuns.flatMap((r) => r.checks.map((c) => ({ ...c, name: `${r.provider} crash: ${c.name}` }))),
    ...crashed,
  ];
  for (const run of runs) {
    for (const sample of run.errorSamples) console.log(`  ${run.provider} failure: ${sample}`);
    for (const problem of run.progress.problems.slice(0, 10)) console.log(`  ${run.provider} progress: ${problem}`);
  }
  for (const c of checks) console.log(`${c.ok ? "ok  " : "FAIL"} ${c.name}${c.ok ? "" : ` — ${c.detail}`}`);
  const passed = checks.filter((c) => c.ok).length;
  const failed = checks.length - passed;
  fs.mkdirSync("test-results", { recursive: true });
  fs.writeFileSync(
    "test-results/load.json",
    `${JSON.stringify({ viewers: VIEWERS, learners: LEARNERS, seconds: SECONDS, runs, crashRuns, checks, passed, failed }, null, 2)}\n`,
  );
  console.log(`Wrote test-results/load.json (${Math.round((Date.now() - started) / 1000)} s in all).`);
  console.log(`load: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  console.log("load: 0 passed, 1 failed");
  process.exit(1);
});
