// Pages vs a static asset from the same `next start` (issue 12 "Pages at static speed"): the
// course page and the watch page of a free segment, anonymous (the shared copies; and the watch
// page rendered per request, as before), at 1/16/64/256 keep-alive
// connections, next to one of Next's static CSS files — the most the same server does per
// request. Rows: req/s (ratio to the asset's) and p99 (ratio to the asset's). At 16 connections
// also signed in (a seeded account's session): the course page and catalog as the viewer shell
// (ADR 019), the viewer JSON each shell view asks for once (the shell is cheap because this
// request does the per-viewer work: both are reported), and the course page rendered per
// request as before the shell (the per-request hint cookie), all in the same run.
import type { TRowInput } from "./report";
import { measureLoad, type TLoadResult } from "./http-load";
import { ensureWrk, measureWrk } from "./wrk-load";

export type TPagesOptions = {
  baseUrl: string;
  course: string;
  segment: string;
  seconds: number;
  connections: number[];
  /** A seeded account for the signed-in rows (prisma/seed.ts's demo member). */
  account?: { email: string; password: string };
};

type TTarget = { name: string; url: string; headers?: Record<string, string>; goal: (c: number) => string | undefined; at16Only?: boolean };

/** Signs in through Better Auth's own endpoint; the session cookie for the signed-in rows. */
async function sessionCookie(baseUrl: string, account: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify(account),
  });
  if (!res.ok) throw new Error(`sign-in of ${account.email} for the signed-in rows answered ${res.status}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]!).find((c) => c.includes("session_token="));
  if (!cookie) throw new Error("sign-in set no session cookie");
  return cookie;
}

export async function benchPages(options: TPagesOptions, add: (row: TRowInput) => void): Promise<void> {
  const { baseUrl, course, segment } = options;
  const coursePage = `${baseUrl}/courses/${course}`;
  const html = await (await fetch(coursePage)).text();
  const css = html.match(/href="(\/_next\/static\/[^"]+\.css)"/)?.[1];
  if (!css) throw new Error("could not find a static CSS asset on the course page");
  const targets: TTarget[] = [
    { name: "course page", url: coursePage, goal: (c: number) => (c === 16 ? "≥ 0.5× anonymous, p99 < 50 ms" : undefined) },
    { name: "watch page", url: `${baseUrl}/courses/${course}/${segment}`, goal: () => undefined },
    // Every anonymous watch page was rendered per request before its shared copy (issue 12,
    // ADR 019); a query string other than ?autoplay=1 still is: the "before", in the same run.
    { name: "watch page rendered per request (?coupon=)", url: `${baseUrl}/courses/${course}/${segment}?coupon=BENCH`, goal: () => undefined },
  ];
  if (options.account) {
    const cookie = await sessionCookie(baseUrl, options.account);
    const signedIn = { cookie };
    targets.push(
      { name: "course page signed in (viewer shell)", url: coursePage, headers: signedIn, goal: () => "≥ 0.2×", at16Only: true },
      { name: "course viewer JSON signed in", url: `${baseUrl}/api/viewer/course/${course}`, headers: signedIn, goal: () => undefined, at16Only: true },
      { name: "catalog signed in (viewer shell)", url: `${baseUrl}/`, headers: signedIn, goal: () => "≥ 0.2×", at16Only: true },
      { name: "catalog viewer JSON signed in", url: `${baseUrl}/api/viewer/catalog`, headers: signedIn, goal: () => undefined, at16Only: true },
      {
        name: "course page signed in, rendered per request (before the shell)",
        url: coursePage,
        headers: { cookie: `${cookie}; lectern-per-request=1` },
        goal: () => undefined,
        at16Only: true,
      },
    );
  }
  const asset: { name: string; url: string; headers?: Record<string, string> } = { name: "static .css", url: `${baseUrl}${css}` };
  for (const t of [...targets, asset]) {
    const res = await fetch(t.url, { headers: t.headers });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${t.name} (${t.url}) answered ${res.status}`);
  }
  const useWrk = ensureWrk();
  const measure = useWrk ? measureWrk : measureLoad;
  const tool = useWrk ? "wrk" : "autocannon";
  for (const t of [...targets, asset]) await measure(t.name, t.url, 4, 1, t.headers); // warm up
  for (const c of options.connections) {
    const ref = await measure(asset.name, asset.url, c, options.seconds);
    for (const t of targets) {
      if (t.at16Only && c !== 16) continue;
      const r = await measure(t.name, t.url, c, options.seconds, t.headers);
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
