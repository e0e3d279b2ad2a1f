// The load test (scripts/load, `npm run test:load`) run shorter, for its p99s: a fresh seeded
// database of the bench's provider, `next start`, simulated viewers (half signed in) streaming
// at real-time pace and posting progress. Its pass/fail checks become notes and error rows here.
import { ENDPOINTS } from "../scripts/load/latency";
import { runLoad, type TProvider } from "../scripts/load/run-load";
import type { TRowInput } from "./report";

export type TLoadBenchOptions = { provider: TProvider; serverUrl?: string; viewers: number; seconds: number };

export async function benchLoad(options: TLoadBenchOptions, add: (row: TRowInput) => void): Promise<void> {
  const run = await runLoad(options.provider, options);
  for (const endpoint of ENDPOINTS) {
    const f = run.endpoints[endpoint];
    add({
      figure: `load test ${endpoint} p99 (${options.viewers} viewers, ${options.seconds} s)`,
      unit: "ms",
      better: "lower",
      lectern: f.p99Ms,
      note: `${f.requests} requests, ${f.errors} errors, p50 ${f.p50Ms} ms, max ${f.maxMs} ms`,
    });
  }
  for (const check of run.checks) {
    if (!check.ok) add({ figure: `load test: ${check.name}`, unit: "", better: "higher", lectern: null, error: check.detail });
  }
  const p = run.progress;
  add({
    figure: "load test progress writes lost",
    unit: "rows",
    better: "lower",
    lectern: p.problems.length,
    goal: "0",
    note: `${p.acknowledgedWrites} acknowledged writes, ${p.expectedRows} rows expected / ${p.storedRows} stored; ${run.streamedMB} MB streamed`,
  });
}
