// Media delivery figures, on the same files in one run (docs/decisions/007):
//   (a)  range reads of an HLS segment through the app's Node path (`next start`; valid reads
//        answered by Node before Next routes them, lib/media/serve-media-node.ts),
//   (a0) the same with MEDIA_FAST_PATH=off: through Next's route, as before issue 12,
//   (b)  the same through nginx with MEDIA_OFFLOAD=nginx (app authorises, nginx sends),
//   (b2) the same through nginx verifying the token itself in njs (the app is not asked),
//   (c)  the same file from plain nginx static serving (no auth) — the ceiling,
//   (n)  the same file from a bare node:http server (bench/bare-node-media.ts) — what Node
//        itself costs, so (a) − (n) is Next's and Lectern's share (issue 12);
// at 1/16/64 concurrent readers, driven by wrk (bench/wrk-load.ts; autocannon was the
// bottleneck). Rows: MB/s as a ratio to (c), and the Node path's latency next to (n).
import path from "node:path";
import { NJS_MODULE, freePort, nginxAvailable, njsAvailable, startNginx } from "../deploy/nginx/run-nginx";
import { deriveMediaKey } from "../lib/media/media-key";
import { signMediaToken } from "../lib/media/media-token";
import { startBareNodeMedia } from "./bare-node-media";
import { measureLoad, type TLoadResult } from "./http-load";
import type { TRowInput } from "./report";
import { startAppServer } from "./server";
import { ensureWrk, measureWrk } from "./wrk-load";

const COURSE = "enterprise-software-with-python";
const SEGMENT = "what-is-enterprise-software";
const FILE = "720p/seg_000.ts";
const RANGE = "bytes=0-524287"; // 512 KiB, a typical player read
const SECRET = "bench-secret-0123456789abcdef0123456789abcdef";
// What the app signs media with: derived from LECTERN_SECRET (lib/media/media-key.ts).
const KEY = deriveMediaKey(SECRET);

export type TMediaOptions = { databaseUrl: string; seconds: number; connections: number[] };

export async function benchMediaDelivery(options: TMediaOptions, add: (row: TRowInput) => void): Promise<void> {
  const mediaRoot = path.resolve(process.env.MEDIA_ROOT ?? "./media");
  const env = { DATABASE_URL: options.databaseUrl, LECTERN_SECRET: SECRET, MEDIA_ROOT: mediaRoot };
  const token = signMediaToken(KEY, {
    scope: "stream",
    course: COURSE,
    segment: SEGMENT,
    userId: null,
    expiresAt: Math.floor(Date.now() / 1000) + 3600,
  });
  const mediaPath = `/media/${COURSE}/${SEGMENT}/${token}/${FILE}`;
  if (!nginxAvailable()) throw new Error("nginx is not installed (scripts/ensure-packages.sh nginx:nginx-light)");

  // Free loopback ports: other servers (dev, e2e, another bench) may be up.
  const nodeApp = await startAppServer(await freePort(), { ...env, MEDIA_OFFLOAD: "node" });
  const viaNextApp = await startAppServer(await freePort(), { ...env, MEDIA_OFFLOAD: "node", MEDIA_FAST_PATH: "off" });
  const offloadApp = await startAppServer(await freePort(), { ...env, MEDIA_OFFLOAD: "nginx" });
  const bareNode = await startBareNodeMedia(mediaRoot);
  const staticMedia = `location /static-media/ { alias ${mediaRoot}/; etag on; }`;
  const nginx = await startNginx({ app: offloadApp.baseUrl.replace("http://", ""), mediaRoot, workers: 2, extra: staticMedia });
  // The njs nginx never asks the app for /media/; its upstream is the offload app anyway.
  const njsNginx = njsAvailable()
    ? await startNginx({ app: offloadApp.baseUrl.replace("http://", ""), mediaRoot, workers: 2, mediaAuth: "njs", secret: KEY })
    : null;
  const useWrk = ensureWrk();
  const measure = useWrk ? measureWrk : measureLoad;
  const tool = `${useWrk ? "wrk" : "autocannon"}, ${RANGE}, ${options.seconds} s`;
  try {
    const targets = [
      { key: "a", name: "(a) app, Node path", url: `${nodeApp.baseUrl}${mediaPath}` },
      { key: "a0", name: "(a0) app via Next (fast path off)", url: `${viaNextApp.baseUrl}${mediaPath}` },
      { key: "b", name: "(b) nginx X-Accel offload", url: `${nginx.baseUrl}${mediaPath}` },
      ...(njsNginx ? [{ key: "b2", name: "(b2) nginx njs token", url: `${njsNginx.baseUrl}${mediaPath}` }] : []),
      { key: "n", name: "(n) bare node:http", url: `${bareNode.baseUrl}/${COURSE}/${SEGMENT}/${FILE}` },
      { key: "c", name: "(c) nginx static", url: `${nginx.baseUrl}/static-media/${COURSE}/${SEGMENT}/${FILE}` },
    ];
    for (const t of targets) {
      const res = await fetch(t.url, { headers: { range: RANGE } });
      const body = await res.arrayBuffer();
      if (res.status !== 206 || body.byteLength !== 524_288 || res.headers.get("content-length") !== "524288") {
        throw new Error(`${t.name}: expected a 206 of 524288 bytes with Content-Length, got ${res.status}, ${body.byteLength} bytes, length ${res.headers.get("content-length")}`);
      }
      await measure(t.name, t.url, 4, 1, { range: RANGE }); // warm up
    }
    if (!njsNginx) add({ figure: "(b2) nginx njs token", unit: "", better: "higher", lectern: null, error: `the njs module is not installed (${NJS_MODULE})` });
    for (const c of options.connections) {
      const at = new Map<string, TLoadResult>();
      for (const t of targets) at.set(t.key, await measure(t.name, t.url, c, options.seconds, { range: RANGE }));
      const ceiling = at.get("c")!;
      for (const t of targets.filter((x) => x.key !== "c")) {
        const r = at.get(t.key)!;
        add({
          figure: `media range reads ${t.name}, ${c} conn.`,
          unit: "MB/s",
          better: "higher",
          lectern: r.throughputMBps,
          referenceName: "(c) nginx static",
          reference: ceiling.throughputMBps,
          goal: t.key === "a" && c === 16 ? "≥ 0.3× (issue 12)" : t.key === "b" || t.key === "b2" ? "≈ 1×" : undefined,
          note: [tool, ...[r, ceiling].filter((x) => x.non2xx || x.errors).map((x) => `${x.name}: ${x.non2xx} non-2xx, ${x.errors} errors`)].join("; "),
        });
      }
      const bare = at.get("n")!;
      for (const key of ["a", "a0"]) {
        const r = at.get(key)!;
        add({
          figure: `media ${r.name} ${c === 1 ? "p50 (time per request)" : "p99"}, ${c} conn.`,
          unit: "ms",
          better: "lower",
          lectern: c === 1 ? r.p50Ms : r.p99Ms,
          referenceName: "(n) bare node:http, same file",
          reference: c === 1 ? bare.p50Ms : bare.p99Ms,
        });
      }
      add({
        figure: `media Node path: fast path vs through Next, ${c} conn.`,
        unit: "MB/s",
        better: "higher",
        lectern: at.get("a")!.throughputMBps,
        referenceName: "(a0) via Next (before issue 12)",
        reference: at.get("a0")!.throughputMBps,
      });
    }
  } finally {
    await njsNginx?.stop();
    await nginx.stop();
    await bareNode.stop();
    await offloadApp.stop();
    await viaNextApp.stop();
    await nodeApp.stop();
  }
}
