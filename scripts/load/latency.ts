/** What the load test measures, per endpoint: every request's latency and every failure. */
export type TEndpoint = "playback" | "progress" | "playlist" | "segment";
export const ENDPOINTS: readonly TEndpoint[] = ["playback", "progress", "playlist", "segment"];

export type TEndpointFigures = { requests: number; errors: number; p50Ms: number; p99Ms: number; maxMs: number };

export class LatencyLog {
  private readonly ms = new Map<TEndpoint, number[]>(ENDPOINTS.map((e) => [e, []]));
  private readonly errorCounts = new Map<TEndpoint, number>(ENDPOINTS.map((e) => [e, 0]));
  /** The first few failures, word for word, for the report. */
  readonly samples: string[] = [];
  bytes = 0;
  /** When the viewers started (performance.now()), so failures can say when they happened. */
  start = performance.now();

  ok(endpoint: TEndpoint, ms: number): void {
    this.ms.get(endpoint)!.push(ms);
  }

  error(endpoint: TEndpoint, message: string, ms?: number): void {
    if (ms !== undefined) this.ms.get(endpoint)!.push(ms);
    this.errorCounts.set(endpoint, this.errorCounts.get(endpoint)! + 1);
    const at = ((performance.now() - this.start) / 1000).toFixed(1);
    if (this.samples.length < 10) this.samples.push(`t=${at}s ${endpoint}: ${message}`);
  }

  get totalErrors(): number {
    return [...this.errorCounts.values()].reduce((a, b) => a + b, 0);
  }

  figures(): Record<TEndpoint, TEndpointFigures> {
    const out = {} as Record<TEndpoint, TEndpointFigures>;
    for (const endpoint of ENDPOINTS) {
      const sorted = [...this.ms.get(endpoint)!].sort((a, b) => a - b);
      out[endpoint] = {
        requests: sorted.length,
        errors: this.errorCounts.get(endpoint)!,
        p50Ms: round(percentile(sorted, 0.5)),
        p99Ms: round(percentile(sorted, 0.99)),
        maxMs: round(sorted.at(-1) ?? 0),
      };
    }
    return out;
  }
}

/** Nearest-rank percentile of an ascending list (0 for none). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const round = (n: number) => Math.round(n * 10) / 10;
