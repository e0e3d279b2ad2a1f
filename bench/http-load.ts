import autocannon from "autocannon";

export type TLoadResult = {
  name: string;
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  throughputMBps: number;
  non2xx: number;
  errors: number;
};

/** Runs autocannon against one URL at a given concurrency for a fixed time. */
export async function measureLoad(
  name: string,
  url: string,
  connections: number,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<TLoadResult> {
  const result = await autocannon({ url, connections, duration: seconds, headers, pipelining: 1 });
  return {
    name,
    connections,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    throughputMBps: result.throughput.average / 1e6,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

export function formatLoadTable(rows: TLoadResult[]): string {
  const head = ["target", "conc", "req/s", "p50 ms", "p99 ms", "MB/s", "non-2xx", "errors"];
  const body = rows.map((r) => [
    r.name,
    String(r.connections),
    r.requestsPerSecond.toFixed(0),
    r.p50Ms.toFixed(1),
    r.p99Ms.toFixed(1),
    r.throughputMBps.toFixed(1),
    String(r.non2xx),
    String(r.errors),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}
