// Media delivery figures, on the same files in one run (docs/decisions/007):
//   (a)  range reads of an HLS segment through the app's Node path (`next start`),
//   (b)  the same through nginx with MEDIA_OFFLOAD=nginx (app authorises, nginx sends),
//   (b2) the same through nginx verifying the token itself in njs (the app is not asked),
//   (c)  the same file from plain nginx static serving (no auth) — the ceiling;
// at 1/16/64 concurrent readers, driven by wrk (bench/wrk-load.ts; autocannon was the
// bottleneck), with the ratios to (c). Then the time and peak memory to stream the
// whole-course ZIP, and a synthetic course with 10× the media.
import { deriveMediaKey } from "../lib/media/media-key";
import path from "node:path";
import { NJS_MODULE, freePort, nginxAvailable, njsAvailable, startNginx } from "../deploy/nginx/run-nginx";
import { createDb } from "../lib/db";
import { planCourseZip, streamCourseZip, type TCourseZip } from "../lib/downloads/course-zip";
import { ensureDownloadCrcs } from "../lib/downloads/ensure-download-crcs";
import { loadCourseDownloads, type TCourseDownloads } from "../lib/downloads/load-course-downloads";
import { signMediaToken } from "../lib/media/media-token";
import { formatLoadTable, measureLoad, type TLoadResult } from "./http-load";
import { startAppServer } from "./server";
import { ensureWrk, measureWrk } from "./wrk-load";

const COURSE = "enterprise-software-with-python";
const SEGMENT = "what-is-enterprise-software";
const FILE = "720p/seg_000.ts";
const RANGE = "bytes=0-524287"; // 512 KiB, a typical player read
const SECRET = "bench-secret-0123456789abcdef0123456789abcdef";
// What the app signs media with: derived from LECTERN_SECRET (lib/media/media-key.ts).
const KEY = deriveMediaKey(SECRET);
const CONCURRENCY = [1, 16, 64];

export async function benchMediaDelivery(options: { port: number; databaseUrl: string; seconds: number }): Promise<void> {
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

  if (!nginxAvailable()) {
    console.log("\nMedia delivery: nginx is not installed (scripts/ensure-packages.sh nginx:nginx-light); skipped.");
  } else {
    // Free loopback ports, not options.port/+1: other servers (dev, e2e, another bench) may be up.
    const nodeApp = await startAppServer(await freePort(), { ...env, MEDIA_OFFLOAD: "node" });
    const offloadApp = await startAppServer(await freePort(), { ...env, MEDIA_OFFLOAD: "nginx" });
    const staticMedia = `location /static-media/ { alias ${mediaRoot}/; etag on; }`;
    const nginx = await startNginx({ app: offloadApp.baseUrl.replace("http://", ""), mediaRoot, workers: 2, extra: staticMedia });
    // The njs nginx never asks the app for /media/; its upstream is the offload app anyway.
    const njsNginx = njsAvailable()
      ? await startNginx({ app: offloadApp.baseUrl.replace("http://", ""), mediaRoot, workers: 2, mediaAuth: "njs", secret: KEY })
      : null;
    if (!njsNginx) console.log(`\nMedia delivery: the njs module is not installed (scripts/ensure-packages.sh ${NJS_MODULE}:libnginx-mod-http-js); row (b2) skipped.`);
    const useWrk = ensureWrk();
    const measure = useWrk ? measureWrk : measureLoad;
    if (!useWrk) console.log("\nMedia delivery: wrk is not installed (scripts/ensure-packages.sh wrk:wrk); autocannon bounds these figures.");
    try {
      const targets = [
        { name: "(a) app, Node path", url: `${nodeApp.baseUrl}${mediaPath}` },
        { name: "(b) nginx X-Accel offload", url: `${nginx.baseUrl}${mediaPath}` },
        ...(njsNginx ? [{ name: "(b2) nginx njs token", url: `${njsNginx.baseUrl}${mediaPath}` }] : []),
        { name: "(c) nginx static", url: `${nginx.baseUrl}/static-media/${COURSE}/${SEGMENT}/${FILE}` },
      ];
      const ceiling = targets[targets.length - 1]!;
      for (const t of targets) {
        const res = await fetch(t.url, { headers: { range: RANGE } });
        const body = await res.arrayBuffer();
        if (res.status !== 206 || body.byteLength !== 524_288 || res.headers.get("content-length") !== "524288") {
          throw new Error(`${t.name}: expected a 206 of 524288 bytes with Content-Length, got ${res.status}, ${body.byteLength} bytes, length ${res.headers.get("content-length")}`);
        }
        await measure(t.name, t.url, 4, 1, { range: RANGE }); // warm up
      }
      console.log(`\nMedia segment range reads (${RANGE}, ${options.seconds} s per row, ${useWrk ? "wrk, ≤ 2 threads" : "autocannon"})`);
      const rows: TLoadResult[] = [];
      for (const c of CONCURRENCY) {
        for (const t of targets) rows.push(await measure(t.name, t.url, c, options.seconds, { range: RANGE }));
      }
      console.log(formatLoadTable(rows));
      for (const c of CONCURRENCY) {
        const at = rows.filter((r) => r.connections === c);
        const top = at.find((r) => r.name === ceiling.name)!;
        const ratios = at
          .filter((r) => r !== top)
          .map((r) => `${r.name.split(" ")[0]}/(c) ${(r.throughputMBps / top.throughputMBps).toFixed(2)}`)
          .join(", ");
        console.log(`  conc ${String(c).padStart(2)}: ${ratios}; p99 ${at.map((r) => r.p99Ms.toFixed(1)).join(" / ")} ms`);
      }
      console.log("  goals: (a)/(c) ≥ 0.80, (b)/(c) ≥ 0.95");
    } finally {
      await njsNginx?.stop();
      await nginx.stop();
      await offloadApp.stop();
      await nodeApp.stop();
    }
  }

  const db = createDb(options.databaseUrl);
  try {
    const loaded = await loadCourseDownloads(db, mediaRoot, COURSE);
    if (!loaded) throw new Error(`course ${COURSE} is not in ${options.databaseUrl}`);
    const downloads = await ensureDownloadCrcs(db, loaded);
    console.log("\nWhole-course ZIP, streamed (in process; memory = peak RSS above the start)");
    const one = planCourseZip(downloads);
    const ten = planCourseZip(tenTimes(downloads));
    for (const [label, zip] of [["course", one], ["10× course", ten]] as const) {
      const full = await timeZip(zip, 0);
      const resume = await timeZip(zip, Math.floor(zip.representation.size * 0.7));
      console.log(
        `  ${label.padEnd(10)} ${(zip.representation.size / 2 ** 20).toFixed(0).padStart(6)} MiB, ${String(zip.entries.length).padStart(4)} files: ` +
          `${full.seconds.toFixed(2)} s (${(zip.representation.size / 2 ** 20 / full.seconds).toFixed(0)} MiB/s), peak +${full.peakMiB.toFixed(0)} MiB RSS; ` +
          `resume at 70 %: ${resume.seconds.toFixed(2)} s, peak +${resume.peakMiB.toFixed(0)} MiB`,
      );
    }
  } finally {
    await db.$disconnect();
  }
}

/** The same course with every part listed ten times (distinct folders, same files). */
function tenTimes(d: TCourseDownloads): TCourseDownloads {
  return {
    ...d,
    parts: Array.from({ length: 10 }, (_, copy) => d.parts.map((p) => ({ ...p, folder: `${p.folder} (copy ${copy + 1})` }))).flat(),
  };
}

async function timeZip(zip: TCourseZip, start: number): Promise<{ seconds: number; peakMiB: number }> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  let bytes = 0;
  const reader = streamCourseZip(zip, start).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  clearInterval(timer);
  if (bytes !== zip.representation.size - start) throw new Error(`zip stream gave ${bytes} bytes, expected ${zip.representation.size - start}`);
  return { seconds: (performance.now() - started) / 1000, peakMiB: (peak - base) / 2 ** 20 };
}
