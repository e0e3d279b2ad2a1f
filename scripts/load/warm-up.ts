import type { TAudience } from "./audience";
import type { THttpClient } from "./http-client";

/**
 * One request per route before the clock starts, so the figures are about a server under load
 * rather than about Next.js loading each route's code on first use (a one-off after a deploy).
 * The progress route is woken with a body it refuses (400), so it writes no row.
 */
export async function warmUp(http: THttpClient, audience: TAudience, origin: string): Promise<void> {
  const learner = audience.learners[0]!;
  for (const [w, headers] of [
    [audience.free[0]!, {}],
    [audience.paid[0]!, { cookie: learner.cookie }],
  ] as const) {
    const playback = await expect(http, `/api/courses/${w.course}/segments/${w.segment}/playback`, 200, { headers });
    const { hls } = JSON.parse(playback) as { hls: string };
    const master = await expect(http, hls, 200, { headers });
    const variant = new URL(master.split("\n").find((l) => l && !l.startsWith("#"))!, `http://x${hls}`).pathname;
    const playlist = await expect(http, variant, 200, { headers });
    const first = new URL(playlist.split("\n").find((l) => l && !l.startsWith("#"))!, `http://x${variant}`).pathname;
    await expect(http, first, 200, { headers });
  }
  await expect(http, "/api/progress", 400, {
    method: "POST",
    headers: { cookie: learner.cookie, "content-type": "application/json", origin },
    body: "{}",
  });
}

async function expect(http: THttpClient, path: string, status: number, init: Parameters<THttpClient["request"]>[1]): Promise<string> {
  const res = await http.request(path, init);
  if (res.status !== status) throw new Error(`warm-up ${path}: HTTP ${res.status}, expected ${status}: ${res.body.toString().slice(0, 200)}`);
  return res.body.toString("latin1");
}
