// HTTP load with wrk (C, epoll, one event loop per thread) instead of autocannon (one JS thread):
// at 16/64 readers of 512 KiB ranges autocannon saturated near 90 MB/s for every server, so the
// ratios measured the load generator. wrk's own cost per request is a few µs and it never parses
// bodies, so the servers are what is measured (on a 2-core machine it still shares the cores).
// Bounded: one run of `seconds` (plus a kill after 15 s more), loopback URLs only.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TLoadResult } from "./http-load";

export function wrkAvailable(): boolean {
  return spawnSync("wrk", ["--version"], { stdio: "ignore" }).error === undefined;
}

/** Installs Debian's wrk when missing (scripts/ensure-packages.sh); true when it is there. */
export function ensureWrk(): boolean {
  if (wrkAvailable()) return true;
  spawnSync(path.resolve(__dirname, "../scripts/ensure-packages.sh"), ["wrk:wrk"], { stdio: "inherit", timeout: 300_000 });
  return wrkAvailable();
}

// done() runs once after the run with the merged statistics of every thread; latencies in µs.
// errors.status counts answers ≥ 400 (a 206 is a success).
const SUMMARY_LUA = `
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'LECTERN_WRK {"requests":%d,"durationUs":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50Us":%d,"p99Us":%d}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
`;

type TWrkSummary = {
  requests: number;
  durationUs: number;
  bytes: number;
  connect: number;
  read: number;
  write: number;
  status: number;
  timeout: number;
  p50Us: number;
  p99Us: number;
};

/** One wrk run against one URL: `connections` keep-alive connections on ≤ 2 threads for `seconds`. */
export async function measureWrk(
  name: string,
  url: string,
  connections: number,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<TLoadResult> {
  if (!/^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])[:/]/.test(url)) throw new Error(`wrk: loopback targets only, not ${url}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-wrk-"));
  const script = path.join(dir, "summary.lua");
  fs.writeFileSync(script, SUMMARY_LUA);
  const args = [
    `--threads=${Math.min(2, connections)}`, // wrk needs connections ≥ threads
    `--connections=${connections}`,
    `--duration=${seconds}s`,
    "--timeout=10s",
    `--script=${script}`,
    ...Object.entries(headers).flatMap(([k, v]) => ["-H", `${k}: ${v}`]),
    url,
  ];
  try {
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn("wrk", args, { stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
      child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
      const killer = setTimeout(() => child.kill("SIGKILL"), (seconds + 15) * 1000);
      child.on("error", reject);
      child.on("close", (c) => (clearTimeout(killer), resolve({ code: c, stdout, stderr })));
    });
    const line = stdout.split("\n").find((l) => l.startsWith("LECTERN_WRK "));
    if (code !== 0 || !line) throw new Error(`wrk exited ${code}: ${stderr || stdout}`);
    const s = JSON.parse(line.slice("LECTERN_WRK ".length)) as TWrkSummary;
    const secondsRun = s.durationUs / 1e6;
    return {
      name,
      connections,
      requestsPerSecond: s.requests / secondsRun,
      p50Ms: s.p50Us / 1000,
      p99Ms: s.p99Us / 1000,
      throughputMBps: s.bytes / secondsRun / 1e6,
      non2xx: s.status,
      errors: s.connect + s.read + s.write + s.timeout,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
