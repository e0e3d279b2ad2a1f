// Who holds the connections before the first frame (issue 12, ADR 008 "Player start-up"):
// cold `?autoplay=1` loads of the watch page in Debian's Chromium, with Chromium's own network
// timing per request (CDP: queued, sent, first byte, end, connection), interleaved with a bare
// <video> of the same MP4 on nginx. Variants rewrite the page's HTML in the browser
// (`page.route`) to measure an idea before building it; every variant, the unchanged page
// included, goes through the same interception, so they compare with each other (the bare page
// is not intercepted) and none keeps the page's Content-Security-Policy.
//
//   npx tsx bench/startup-trace.ts <app base URL> [runs] [variant,variant,…]
//   TRACE_NO_ROUTE=1: "as-is" without interception; TRACE_OTHER_BASE=<base URL>: a second app
//   (same build, other settings) loaded as it is, interleaved with the rest.
//   Through TLS + HTTP/2 (bench/tls-front.ts prints the command): TRACE_CERT=<cert.pem> trusts that
//   one certificate (by its public key's hash), TRACE_BARE_URL=<url> times that bare <video> page
//   (the one on the same nginx) instead of starting a plain nginx; an https base needs
//   TRACE_NO_ROUTE=1 and as-is (Playwright's route.fetch would not trust the certificate).
//   The tables show each request's protocol (h2, http/1.1).
//   variants: as-is, no-poster-preload, no-font-preload, no-preloads, inline-css,
//             inline-css-no-preloads, scripts-last, no-scripts
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { startNginx } from "./player";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// Local Network Access off: a document fulfilled by `page.route` has no address space of its own
// and counts as public, so its MP4 from another loopback origin would be refused (a real load from
// 127.0.0.1 of a media file on localhost is loopback to loopback and allowed). Same for every load.
const CHROME_FLAGS = [
  "--no-sandbox", "--disable-gpu", "--autoplay-policy=no-user-gesture-required", "--disable-background-networking",
  "--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests",
];
const COURSE = "enterprise-software-with-python";
const SEGMENT = "overview";

const head = (html: string) => html.slice(0, html.indexOf("</head>"));
const SCRIPT = /<script\b[^>]*\bsrc="[^"]*"[^>]*><\/script>/g;

const cssCache = new Map<string, string>();
let appBase = "";
let nginxMp4 = "";

/** HTML rewrites: each an idea of the brief, tried without a build. */
const VARIANTS: Record<string, (html: string, base: string) => string | Promise<string>> = {
  "as-is": (html) => html,
  "no-poster-preload": (html) => html.replace(/<link rel="preload" as="image"[^>]*>/, ""),
  "no-font-preload": (html) => html.replace(/<link rel="preload" href="[^"]*\.woff2"[^>]*>/, ""),
  "no-preloads": (html) => html.replace(/<link rel="preload" as="image"[^>]*>/, "").replace(/<link rel="preload" href="[^"]*\.woff2"[^>]*>/, ""),
  // What Next's experimental.inlineCss does: the stylesheets as <style> in the head.
  "inline-css": async (html, base) => {
    let out = html;
    for (const link of html.match(/<link rel="stylesheet" href="[^"]*"[^>]*>/g) ?? []) {
      const href = /href="([^"]*)"/.exec(link)![1]!;
      // Fetched once (outside the timed part of later loads), as a build would have it.
      const css = cssCache.get(href) ?? (await (await fetch(new URL(href, base))).text());
      cssCache.set(href, css);
      out = out.replace(link, `<style>${css}</style>`);
    }
    return out;
  },
  "inline-css-no-preloads": async (html, base) => VARIANTS["no-preloads"]!(await VARIANTS["inline-css"]!(html, base), base),
  // The head's async scripts moved to the end of the body (after the early <video>).
  "scripts-last": (html) => {
    const h = head(html);
    const scripts = h.match(SCRIPT) ?? [];
    const rest = html.slice(h.length).replace("</body>", `${scripts.join("")}</body>`);
    return h.replace(SCRIPT, "").replace(/<link rel="preload" as="script"[^>]*>/g, "") + rest;
  },
  // Every head script (and the script preload) fetched at the lowest priority: a media element's
  // request is Low, as async scripts are, and HTTP/1.1's sockets go to the highest priority first.
  "scripts-low-priority": (html) => {
    const h = head(html);
    return h.replace(/<script src="([^"]*)" async="">/g, '<script src="$1" async="" fetchpriority="low">') + html.slice(h.length);
  },
  // The early <video>'s MP4 from the same server under a second host name (its own six
  // connections: Chromium pools sockets per host and port) — the finding to re-check.
  "mp4-second-host": (html) => html.replace(/(<video [^>]*src=")http:\/\/127\.0\.0\.1:/, "$1http://localhost:").replace(/(<video [^>]*src=")\//, `$1${appBase.replace("127.0.0.1", "localhost")}/`),
  // The early <video>'s MP4 from the nginx of the bare page: no queue and nginx's first bytes.
  "mp4-nginx": (html) => html.replace(/(<video [^>]*src=")[^"#]*/, `$1${nginxMp4}`),
  // The floor: the same HTML with no script at all (the early <video> autoplays on its own).
  "no-scripts": (html) => html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "").replace(/<link rel="preload" as="script"[^>]*>/g, ""),
};

type TRequestRow = { url: string; type: string; priority: string; queued: number; sent: number | null; firstByte: number | null; end: number | null; connection: number | null; cached: boolean; protocol: string | null };
type TLoad = { ttff: number; loadeddata: number | null; presented: number | null; longtasks: [number, number][]; mp4Queued: number | null; mp4Sent: number | null; mp4FirstByte: number | null; mp4Protocol: string | null; documentFirstByte: number | null; rows: TRequestRow[] };

async function load(browser: Browser, url: string, rewrite?: (html: string, base: string) => string | Promise<string>): Promise<TLoad> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    const rows = new Map<string, TRequestRow & { wall: number }>();
    let origin: number | null = null;
    cdp.on("Network.requestWillBeSent", (e) => {
      origin ??= e.timestamp;
      rows.set(e.requestId, {
        url: e.request.url, type: e.type ?? "", priority: e.request.initialPriority, wall: e.timestamp,
        queued: (e.timestamp - origin) * 1000, sent: null, firstByte: null, end: null, connection: null, cached: false, protocol: null,
      });
    });
    cdp.on("Network.responseReceived", (e) => {
      const row = rows.get(e.requestId);
      const t = e.response.timing;
      if (!row || origin === null) return;
      row.connection = e.response.connectionId ?? null;
      row.protocol = e.response.protocol ?? null;
      row.cached = !!(e.response.fromDiskCache || e.response.fromServiceWorker);
      if (t) {
        row.sent = (t.requestTime - origin) * 1000 + t.sendStart;
        row.firstByte = (t.requestTime - origin) * 1000 + t.receiveHeadersEnd;
      }
    });
    cdp.on("Network.loadingFinished", (e) => {
      const row = rows.get(e.requestId);
      if (row && origin !== null) row.end = (e.timestamp - origin) * 1000;
    });
    await page.addInitScript(() => {
      type TW = { __firstPlaying?: number; __loadeddata?: number; __presented?: number; __longtasks?: [number, number][] };
      const w = window as unknown as TW;
      w.__longtasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longtasks!.push([e.startTime, e.duration]);
      }).observe({ type: "longtask", buffered: true });
      document.addEventListener("playing", () => void (w.__firstPlaying ??= performance.now()), true);
      document.addEventListener("loadeddata", () => void (w.__loadeddata ??= performance.now()), true);
      // When the compositor got the first frame (not when the main thread heard of it).
      document.addEventListener("loadstart", (e) => {
        const v = e.target as HTMLVideoElement;
        v.requestVideoFrameCallback?.((_now, meta) => void (w.__presented ??= meta.presentationTime));
      }, true);
    });
    if (rewrite) {
      await page.route((u) => u.href === url, async (route) => {
        const response = await route.fetch();
        // Without the page's CSP (media-src 'self' would refuse the MP4 from another origin),
        // in every intercepted variant alike.
        const headers = { ...response.headers() };
        delete headers["content-security-policy"];
        await route.fulfill({ response, headers, body: await rewrite(await response.text(), url) });
      });
    }
    await page.goto(url, { waitUntil: "commit", timeout: 60_000 });
    const handle = await page.waitForFunction(() => (window as unknown as { __firstPlaying?: number }).__firstPlaying, undefined, { timeout: 30_000, polling: 50 });
    const ttff = (await handle.jsonValue()) as number;
    await page.waitForTimeout(300);
    const extra = await page.evaluate(() => {
      const w = window as unknown as { __loadeddata?: number; __presented?: number; __longtasks?: [number, number][] };
      return { loadeddata: w.__loadeddata ?? null, presented: w.__presented ?? null, longtasks: w.__longtasks ?? [] };
    });
    const list = [...rows.values()];
    const mp4 = list.find((r) => /\.mp4(\?|#|$)/.test(r.url));
    return { ttff, ...extra, mp4Queued: mp4?.queued ?? null, mp4Sent: mp4?.sent ?? null, mp4FirstByte: mp4?.firstByte ?? null, mp4Protocol: mp4?.protocol ?? null, documentFirstByte: list.find((r) => r.type === "Document")?.firstByte ?? null, rows: list };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length ? (s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2) : NaN;
};
const ms = (x: number | null) => (x === null ? "—" : x.toFixed(0));
const short = (url: string) => {
  const u = new URL(url);
  const name = u.pathname.split("/").pop() || u.pathname;
  return name.length > 42 ? `${name.slice(0, 39)}…` : name;
};

function table(rows: TRequestRow[]): string {
  const lines = ["| request | type | priority | queued | sent | first byte | end | conn | protocol |", "|---|---|---|--:|--:|--:|--:|--:|---|"];
  for (const r of [...rows].sort((a, b) => a.queued - b.queued)) {
    lines.push(`| ${short(r.url)} | ${r.type} | ${r.priority} | ${ms(r.queued)} | ${ms(r.sent)} | ${ms(r.firstByte)} | ${ms(r.end)} | ${r.connection ?? "—"}${r.cached ? " (cache)" : ""} | ${r.protocol ?? "—"} |`);
  }
  return lines.join("\n");
}

async function main() {
  const [base, runsArg, variantsArg] = process.argv.slice(2);
  if (!base) throw new Error("usage: tsx bench/startup-trace.ts <app base URL> [runs] [variants]");
  const runs = Number(runsArg ?? 5);
  const names = (variantsArg ?? Object.keys(VARIANTS).join(",")).split(",");
  for (const n of names) if (!VARIANTS[n]) throw new Error(`unknown variant ${n}; known: ${Object.keys(VARIANTS).join(", ")}`);
  const url = `${base}/courses/${COURSE}/${SEGMENT}?autoplay=1`;
  if (base.startsWith("https:") && (!process.env.TRACE_NO_ROUTE || names.some((n) => n !== "as-is"))) {
    throw new Error("an https base takes TRACE_NO_ROUTE=1 and the as-is variant only (route.fetch would not trust the certificate)");
  }
  const flags = [...CHROME_FLAGS];
  if (process.env.TRACE_CERT) {
    // Trust this one certificate (by its public key), as bench/player.ts does for its TLS front.
    const der = new crypto.X509Certificate(fs.readFileSync(process.env.TRACE_CERT)).publicKey.export({ type: "spki", format: "der" });
    flags.push(`--ignore-certificate-errors-spki-list=${crypto.createHash("sha256").update(der).digest("base64")}`);
  }
  const nginx = process.env.TRACE_BARE_URL
    ? { url: process.env.TRACE_BARE_URL, stop() {} }
    : await startNginx(path.join(process.env.MEDIA_ROOT ?? "./media", COURSE, SEGMENT, "video.mp4"));
  appBase = base;
  nginxMp4 = nginx.url.replace(/index\.html$/, "video.mp4");
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: flags });
  const results = new Map<string, TLoad[]>([["bare", []], ...names.map((n) => [n, []] as [string, TLoad[]])]);
  const loads: Record<string, () => Promise<TLoad>> = { bare: () => load(browser, nginx.url) };
  for (const n of names) loads[n] = () => load(browser, url, n === "as-is" && process.env.TRACE_NO_ROUTE ? undefined : VARIANTS[n]);
  // Another instance (e.g. the same build with other settings), loaded as it is, interleaved.
  if (process.env.TRACE_OTHER_BASE) {
    const other = `${process.env.TRACE_OTHER_BASE}/courses/${COURSE}/${SEGMENT}?autoplay=1`;
    results.set("other app", []);
    loads["other app"] = () => load(browser, other);
  }
  try {
    await new Promise((r) => setTimeout(r, 500));
    for (const run of loads ? Object.values(loads) : []) await run().catch(() => null); // warm-up
    for (let i = 0; i < runs; i++) {
      for (const [name, run] of Object.entries(loads)) {
        const r = await run().catch((e: Error) => (console.error(`${name}: ${e.message.split("\n")[0]}`), null));
        if (r) results.get(name)!.push(r);
      }
    }
  } finally {
    await browser.close();
    nginx.stop();
  }
  const bare = median(results.get("bare")!.map((r) => r.ttff));
  console.log(`\nload average ${(await import("node:os")).loadavg().map((x) => x.toFixed(1)).join(" ")}, ${runs} interleaved cold loads each\n`);
  console.log("| variant | `playing` (median) | × bare | frame presented | loadeddata | document first byte | MP4 queued | MP4 sent | MP4 first byte | MP4 protocol | all `playing` |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|---|---|");
  for (const [name, list] of results) {
    const f = median(list.map((r) => r.ttff));
    const m = (k: "mp4Queued" | "mp4Sent" | "mp4FirstByte" | "documentFirstByte") => median(list.map((r) => r[k]).filter((x): x is number => x !== null));
    const p = (k: "presented" | "loadeddata") => median(list.map((r) => r[k]).filter((x): x is number => x !== null)).toFixed(0);
    console.log(`| ${name} | ${f.toFixed(0)} | ${(f / bare).toFixed(2)} | ${p("presented")} | ${p("loadeddata")} | ${m("documentFirstByte").toFixed(0)} | ${m("mp4Queued").toFixed(0)} | ${m("mp4Sent").toFixed(0)} | ${m("mp4FirstByte").toFixed(0)} | ${[...new Set(list.map((r) => r.mp4Protocol ?? "—"))].join("/")} | ${list.map((r) => r.ttff.toFixed(0)).join(", ")} |`);
  }
  for (const [name, list] of results) {
    if (!list.length) continue;
    // The load nearest the variant's median first frame.
    const f = median(list.map((r) => r.ttff));
    const typical = [...list].sort((a, b) => Math.abs(a.ttff - f) - Math.abs(b.ttff - f))[0]!;
    console.log(`\n### ${name}: requests of a typical load (first frame ${typical.ttff.toFixed(0)} ms; ms from the document's request)\n`);
    console.log(table(typical.rows));
    console.log(`\nlong tasks (start+duration, ms): ${typical.longtasks.map(([s, d]) => `${s.toFixed(0)}+${d.toFixed(0)}`).join(", ") || "none"}; loadeddata ${typical.loadeddata?.toFixed(0)}, frame presented ${typical.presented?.toFixed(0)}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
