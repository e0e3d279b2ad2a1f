// `npx tsx bench/lighthouse-breakdown.ts <base URL> [runs] [path …]`: Lighthouse (mobile
// defaults, the bench's settings) run `runs` times per page, each run's performance score beside
// the metrics it is made of (FCP, LCP, TBT, CLS, Speed Index) and the main thread's longest
// tasks — what to look at when the score moves (ADR 008). Figures only, nothing is asserted.
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

type TAudit = { numericValue?: number; details?: { items?: Array<Record<string, unknown>> } };

async function main() {
  const [base, runsArg, ...paths] = process.argv.slice(2);
  if (!base || !/^https?:\/\//.test(base)) throw new Error("usage: lighthouse-breakdown.ts <base URL> [runs] [path …]");
  const runs = runsArg ? Number(runsArg) : 3;
  if (!Number.isInteger(runs) || runs < 1 || runs > 20) throw new Error(`runs takes a whole number 1–20, got "${runsArg}"`);
  const pages = paths.length ? paths : ["/courses/enterprise-software-with-python/overview"];
  const { default: lighthouse } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  for (const page of pages) {
    for (let run = 1; run <= runs; run++) {
      const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
      try {
        const result = await lighthouse(`${base}${page}`, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
        const lhr = result?.lhr;
        if (!lhr || lhr.runtimeError) throw new Error(lhr?.runtimeError?.message ?? "no result");
        const audit = (id: string) => lhr.audits[id] as unknown as TAudit;
        const ms = (id: string) => Math.round(audit(id)?.numericValue ?? NaN);
        const tasks = (audit("long-tasks")?.details?.items ?? [])
          .map((t) => `${Math.round(Number(t.duration))}@${Math.round(Number(t.startTime))}${t.url ? ` ${String(t.url).replace(base, "").slice(0, 48)}` : ""}`)
          .slice(0, 6);
        const lcpItems = audit("largest-contentful-paint-element")?.details?.items ?? [];
        const lcpNode = (lcpItems[0] as { items?: Array<{ node?: { snippet?: string } }> } | undefined)?.items?.[0]?.node?.snippet ?? "?";
        const phases = ((lcpItems[1] as { items?: Array<{ phase?: string; timing?: number }> } | undefined)?.items ?? [])
          .map((p) => `${p.phase} ${Math.round(p.timing ?? 0)}`)
          .join(", ");
        const observed = (audit("metrics")?.details?.items?.[0] ?? {}) as Record<string, number>;
        const load = (await import("node:os")).loadavg()[0]!.toFixed(1);
        console.log(
          `${page} run ${run} (load ${load}): performance ${Math.round((lhr.categories.performance?.score ?? 0) * 100)}` +
            ` · FCP ${ms("first-contentful-paint")} · LCP ${ms("largest-contentful-paint")} · TBT ${ms("total-blocking-time")}` +
            ` · CLS ${(audit("cumulative-layout-shift")?.numericValue ?? NaN).toFixed(3)} · SI ${ms("speed-index")}` +
            `\n  observed (unthrottled): FCP ${Math.round(observed.observedFirstContentfulPaint ?? NaN)} · LCP ${Math.round(observed.observedLargestContentfulPaint ?? NaN)} · load ${Math.round(observed.observedLoad ?? NaN)}` +
            `\n  LCP element: ${lcpNode.slice(0, 140)}\n  LCP phases: ${phases}` +
            `\n  long tasks (ms@ms): ${tasks.join(", ") || "none"}`,
        );
      } finally {
        await chrome.kill();
      }
    }
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
