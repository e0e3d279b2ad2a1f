// Pages vs a static asset from the same `next start` (issue 12 "Pages at static speed"): the
// course page and the watch page of a free segment, anonymous (the shared copies; and the watch
// page rendered per request, as before), at 1/16/64/256 keep-alive
// connections, next to one of Next's static CSS files — the most the same server does per
// request. Rows: req/s (ratio to the asset's) and p99 (ratio to the asset's).
import type { TRowInput } from "./report";
import { measureLoad, type TLoadResult } from "./http-load";
import { ensureWrk, measureWrk } from "./wrk-load";

export type TPagesOptions = { baseUrl: string; course: string; segment: string; seconds: number; connections: number[] };

export async function benchPages(options: TPagesOptions, add: (row: TRowInput) => void): Promise<void> {
  const { baseUrl, course, segment } = options;
  const coursePage = `${baseUrl}/courses/${course}`;
  const html = await (await fetch(coursePage)).text();
  const css = html.match(/href="(\/_next\/static\/[^"]+\.css)"/)?.[1];
  if (!css) throw new Error("could not find a static CSS asset on the course page");
  const targets = [
    { name: "course page", url: coursePage, goal: (c: number) => (c === 16 ? "≥ 0.5× anonymous, p99 < 50 ms" : undefined) },
    { name: "watch page", url: `${baseUrl}/courses/${course}/${segment}`, goal: () => undefined },
    // Every anonymous watch page was rendered per request before its shared copy (issue 12,
    // ADR 019); a query string other than ?autoplay=1 still is: the "before", in the same run.
    { name: "watch page rendered per request (?coupon=)", url: `${baseUrl}/courses/${course}/${segment}?coupon=BENCH`, goal: () => undefined },
  ];
  const asset = { name: "static .css", url: `${baseUrl}${css}` };
  for (const t of [...targets, asset]) {
    const res = await fetch(t.url);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${t.name} (${t.url}) answered ${res.status}`);
  }
  const useWrk = ensureWrk();
  const measure = useWrk ? measureWrk : measureLoad;
  const tool = useWrk ? "wrk" : "autocannon";
  for (const t of [...targets, asset]) await measure(t.name, t.url, 4, 1); // warm up
  for (const c of options.connections) {
    const ref = await measure(asset.name, asset.url, c, options.seconds);
    for (const t of targets) {
      const r = await measure(t.name, t.url, c, options.seconds);
      const note = failures(r, ref, tool, options.seconds);
      // No response within the run: no figure (not 0 req/s and a p99 of 0 ms); the note says so.
      const none = r.requestsPerSecond === 0;
      add({
        figure: `${t.name} req/s, ${c} conn.`,
        unit: "req/s",
        better: "higher",
        lectern: none ? null : r.requestsPerSecond,
        referenceName: "static .css, same server",
        reference: ref.requestsPerSecond,
        goal: t.goal(c),
        note,
      });
      add({
        figure: `${t.name} p99, ${c} conn.`,
        unit: "ms",
        better: "lower",
        lectern: none ? null : r.p99Ms,
        referenceName: "static .css, same server",
        reference: ref.p99Ms,
        goal: c === 16 && t.name === "course page" ? "< 50 ms" : undefined,
      });
    }
  }
}

function failures(r: TLoadResult, ref: TLoadResult, tool: string, seconds: number): string {
  const bad = [r, ref]
    .filter((x) => x.non2xx || x.errors || x.requestsPerSecond === 0)
    .map((x) => (x.requestsPerSecond === 0 ? `${x.name}: no response completed in ${seconds} s` : `${x.name}: ${x.non2xx} non-2xx, ${x.errors} errors`));
  return [`${tool}, ${seconds} s`, ...bad].join("; ");
}
