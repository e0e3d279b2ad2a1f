// The player in numbers (called from bench/run.ts; docs/decisions/008-player-and-progress.md):
//  - time to first frame (navigation start → first `playing`) of a free segment in Debian's
//    Chromium, median of 10 cold loads, next to a bare <video> of the same MP4 on a static
//    page served by nginx (the floor any player is measured against); and, in the same loop, the
//    page through nginx with TLS + HTTP/2 next to a bare <video> on that same nginx (tls-front.ts),
//    each load's protocols checked to be h2;
//  - gzipped JavaScript the player page really loads (every script response, lazy chunks too)
//    while a viewer presses play and watches 3 s, and after a seek;
//  - Lighthouse performance and accessibility scores of the player page.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { chromium, type Browser, type Request } from "@playwright/test";
import { freePort } from "../deploy/nginx/run-nginx";
import { notH2, type TProtocols } from "./h2-check";
import { startNextFloor, type TNextFloor } from "./next-floor";
import type { TRowInput } from "./report";
import { repeatViewBytes } from "./repeat-view";

const COURSE = "enterprise-software-with-python";
const SEGMENT = "overview";
const RUNS = Number(process.env.BENCH_PLAYER_RUNS ?? 10);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROME_FLAGS = ["--no-sandbox", "--disable-gpu", "--autoplay-policy=no-user-gesture-required", "--disable-background-networking"];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * One cold load (fresh context, empty cache): ms from navigation start to the first `playing`.
 * With `protocols`, Chromium's protocol per response (CDP) is recorded into it.
 */
async function timeToFirstFrame(browser: Browser, url: string, protocols?: TProtocols): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    if (protocols) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      cdp.on("Network.responseReceived", (e) => {
        if (e.type === "Document" && e.response.url === url) protocols.document = e.response.protocol ?? "?";
        else if (/\.mp4(\?|#|$)/.test(e.response.url)) protocols.mp4.push(e.response.protocol ?? "?");
      });
    }
    await page.addInitScript(() => {
      // Media events do not bubble, but they do pass the document in the capture phase.
      document.addEventListener(
        "playing",
        () => {
          const w = window as unknown as { __firstPlaying?: number };
          w.__firstPlaying ??= performance.now();
        },
        true,
      );
    });
    // Generous: on a shared 2-core machine a cold page has taken over 30 s to start answering.
    await page.goto(url, { waitUntil: "commit", timeout: 60_000 });
    const handle = await page.waitForFunction(() => (window as unknown as { __firstPlaying?: number }).__firstPlaying, undefined, {
      timeout: 30_000,
      polling: 50,
    });
    return (await handle.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

/** nginx (Debian's nginx-light) on a loopback port, serving one static page and the MP4. */
export async function startNginx(mp4: string): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  try {
    execFileSync("scripts/ensure-packages.sh", ["nginx:nginx-light"], { stdio: "inherit" });
  } catch {
    throw new Error("nginx is missing and could not be installed (scripts/ensure-packages.sh nginx:nginx-light)");
  }
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-bench-nginx-"));
  const root = path.join(prefix, "www");
  fs.mkdirSync(root);
  fs.mkdirSync(path.join(prefix, "logs"));
  // nginx's workers drop root privileges: the temp prefix (mkdtemp makes it 0700) must be readable.
  fs.chmodSync(prefix, 0o755);
  fs.chmodSync(root, 0o755);
  fs.copyFileSync(mp4, path.join(root, "video.mp4"));
  fs.chmodSync(path.join(root, "video.mp4"), 0o644);
  fs.writeFileSync(
    path.join(root, "index.html"),
    '<!doctype html><html lang="en"><meta charset="utf-8"><title>bare video</title>' +
      '<video src="video.mp4" autoplay playsinline preload="auto" width="1280" height="720"></video></html>\n',
  );
  const conf = path.join(prefix, "nginx.conf");
  fs.writeFileSync(
    conf,
    `worker_processes 1;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 64; }
http {
  types { text/html html; video/mp4 mp4; }
  access_log off;
  sendfile on;
  client_body_temp_path ${prefix}/tmp_body;
  proxy_temp_path ${prefix}/tmp_proxy;
  fastcgi_temp_path ${prefix}/tmp_fastcgi;
  uwsgi_temp_path ${prefix}/tmp_uwsgi;
  scgi_temp_path ${prefix}/tmp_scgi;
  server { listen 127.0.0.1:${port}; root ${root}; }
}
`,
  );
  const child: ChildProcess = spawn("nginx", ["-p", prefix, "-c", conf], { stdio: ["ignore", "ignore", "inherit"] });
  return {
    url: `http://127.0.0.1:${port}/index.html`,
    stop() {
      child.kill("SIGTERM");
      fs.rmSync(prefix, { recursive: true, force: true });
    },
  };
}

async function waitFor(url: string) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

const isMedia = (url: string) => /\/media\/.+\.(m3u8|ts|m4s|mp4)(#|\?|$)/.test(url);

type TViewerActions = {
  /** Press the big play button (a plain load) and wait for this many seconds of playback. */
  playSeconds?: number;
  /** Then seek once (to the middle): what a viewer who skips ahead adds (the player moves to HLS). */
  seek?: boolean;
};

/**
 * Every script the page loads in a real browser (not only the <script> tags), gzipped at level 9,
 * while a viewer does what `actions` says; and the part of it requested before the first media
 * request (playlist, segment or MP4): at most what the first frame waits for (issue 12).
 */
async function loadedJs(
  browser: Browser,
  url: string,
  actions: TViewerActions = {},
  // The floor page's <video> plays the bare page's MP4 from nginx (not under /media/).
  mediaRequest: (r: Request) => boolean = (r) => isMedia(r.url()),
): Promise<{ scripts: number; raw: number; gzip: number; gzipBeforeMedia: number; scriptsBeforeMedia: number }> {
  const context = await browser.newContext();
  const bodies = new Map<string, Buffer>();
  const beforeMedia = new Set<string>();
  let mediaSeen = false;
  const page = await context.newPage();
  page.on("request", (r) => {
    if (mediaRequest(r)) mediaSeen = true;
    else if (!mediaSeen && r.resourceType() === "script") beforeMedia.add(r.url());
  });
  const pending: Promise<unknown>[] = [];
  page.on("response", (r) => {
    // blob: scripts are VHS's transmuxer workers, built from code already in the bundle.
    if (r.request().resourceType() === "script" && r.ok() && /^https?:/.test(r.url())) {
      pending.push(r.body().then((b) => bodies.set(r.url(), b), () => bodies.set(r.url(), Buffer.alloc(0))));
    }
  });
  await page.goto(url, { waitUntil: "networkidle", timeout: 60_000 });
  const video = () => page.evaluate(() => { const v = document.querySelector("video"); return v ? { t: v.currentTime, paused: v.paused, d: v.duration } : null; });
  if (actions.playSeconds) {
    const seconds = actions.playSeconds;
    // The viewer's click on the player (what a learner does on a plain load).
    if ((await video())?.paused !== false) await page.locator('[data-testid="player"] .vjs-big-play-button').click({ timeout: 30_000 });
    const until = Date.now() + 60_000;
    while (((await video())?.t ?? 0) < seconds) {
      if (Date.now() > until) throw new Error(`the player did not play ${seconds} s`);
      await page.waitForTimeout(100);
    }
    if (actions.seek) {
      await page.evaluate(() => {
        const v = document.querySelector("video")!;
        v.currentTime = v.duration / 2;
      });
      const from = Date.now();
      // Playing again after the seek, past it.
      while (((await video())?.t ?? 0) < ((await video())?.d ?? 0) / 2 + 1) {
        if (Date.now() - from > 60_000) throw new Error("the player did not play after the seek");
        await page.waitForTimeout(100);
      }
    }
  }
  // The viewer stops there: a video left playing runs to its end and the up-next countdown moves
  // to the next segment, whose loads are not this page's.
  if (actions.playSeconds) await page.evaluate(() => document.querySelector("video")?.pause());
  await page.waitForTimeout(1000);
  await Promise.all(pending);
  await context.close();
  let raw = 0;
  let gzip = 0;
  let gzipBeforeMedia = 0;
  let scriptsBeforeMedia = 0;
  for (const [src, body] of bodies) {
    const size = zlib.gzipSync(body, { level: 9 }).length;
    raw += body.length;
    gzip += size;
    if (beforeMedia.has(src)) {
      gzipBeforeMedia += size;
      scriptsBeforeMedia++;
    }
  }
  return { scripts: bodies.size, raw, gzip, gzipBeforeMedia, scriptsBeforeMedia };
}

type TLighthouseRun = { performance: number; accessibility: number; tbt: number; lcp: number };

async function lighthouseRun(url: string): Promise<TLighthouseRun | { error: string }> {
  try {
    const { default: lighthouse } = await import("lighthouse");
    const chromeLauncher = await import("chrome-launcher");
    const chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM,
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
    });
    try {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility"],
      });
      const categories = result?.lhr.categories;
      const runtimeError = result?.lhr.runtimeError;
      if (runtimeError) return { error: `${runtimeError.code}: ${runtimeError.message}` };
      const metric = (id: string) => Math.round(result?.lhr.audits[id]?.numericValue ?? NaN);
      return {
        performance: Math.round((categories?.performance?.score ?? 0) * 100),
        accessibility: Math.round((categories?.accessibility?.score ?? 0) * 100),
        tbt: metric("total-blocking-time"),
        lcp: metric("largest-contentful-paint"),
      };
    } finally {
      await chrome.kill();
    }
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The median of `runs` Lighthouse runs, and every run's figures for the note: on a shared 2-core
 * machine one run's score swings by ±5 with the load (ADR 008), more than most changes move it.
 */
async function lighthouseScores(url: string, runs: number): Promise<{ performance: number; accessibility: number; note: string } | { error: string }> {
  const done: TLighthouseRun[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await lighthouseRun(url);
    if ("error" in run) return run;
    done.push(run);
  }
  return {
    performance: median(done.map((r) => r.performance)),
    accessibility: Math.min(...done.map((r) => r.accessibility)),
    note: `median of ${runs}: ${done.map((r) => `${r.performance} (TBT ${r.tbt} ms, LCP ${r.lcp} ms)`).join("; ")}`,
  };
}

export type TPlayerOptions = {
  baseUrl: string;
  /** The same build without PLAYER_MP4_ORIGIN (the MP4 on the page's host), timed in the same loop. */
  sameHostBaseUrl?: string;
  course?: string;
  segment?: string;
  runs?: number;
  lighthousePages?: string[];
  /** Lighthouse runs per page (the median is reported). */
  lighthouseRuns?: number;
  /**
   * The app behind nginx with TLS and HTTP/2 and a bare <video> of the same MP4 on that nginx
   * (bench/tls-front.ts): both timed in the same loop; Chromium trusts that one certificate.
   */
  h2?: { baseUrl: string; bareUrl: string; spki: string; plainBaseUrl?: string; plainBareUrl?: string };
};

export async function benchPlayer(options: TPlayerOptions, add: (row: TRowInput) => void): Promise<void> {
  const course = options.course ?? COURSE;
  const segment = options.segment ?? SEGMENT;
  const runs = options.runs ?? RUNS;
  const mediaRoot = process.env.MEDIA_ROOT ?? "./media";
  const playerUrl = `${options.baseUrl}/courses/${course}/${segment}`;
  const nginx = await startNginx(path.join(mediaRoot, course, segment, "video.mp4"));
  // The stack's floor: an empty Next.js page with the same <video> of nginx's MP4 (next-floor.ts).
  const floor: TNextFloor | Error = await startNextFloor(new URL("video.mp4", nginx.url).href).catch((e: Error) => e);
  // Trust the TLS front's throw-away certificate, and only it (its public key's hash).
  const args = options.h2 ? [...CHROME_FLAGS, `--ignore-certificate-errors-spki-list=${options.h2.spki}`] : CHROME_FLAGS;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args });
  try {
    await waitFor(nginx.url);
    // One warm-up each (server code paths, disk cache), not counted; a slow one is not fatal.
    await timeToFirstFrame(browser, `${playerUrl}?autoplay=1`).catch(() => 0);
    await timeToFirstFrame(browser, nginx.url).catch(() => 0);
    if (!(floor instanceof Error)) await timeToFirstFrame(browser, floor.url).catch(() => 0);
    // The same page rendered for the request (a query string beside ?autoplay=1), as every
    // anonymous view was before its shared copy (issue 12, ADR 019): the "before", same run.
    const renderedUrl = `${playerUrl}?autoplay=1&coupon=BENCH`;
    await timeToFirstFrame(browser, renderedUrl).catch(() => 0);
    const sameHostUrl = options.sameHostBaseUrl ? `${options.sameHostBaseUrl}/courses/${course}/${segment}?autoplay=1` : null;
    if (sameHostUrl) await timeToFirstFrame(browser, sameHostUrl).catch(() => 0);
    const h2Url = options.h2 ? `${options.h2.baseUrl}/courses/${course}/${segment}?autoplay=1` : null;
    // The same nginx and app on its plain-HTTP port: HTTP/1.1, everything else equal.
    const plain = options.h2?.plainBaseUrl && options.h2.plainBareUrl
      ? { page: `${options.h2.plainBaseUrl}/courses/${course}/${segment}?autoplay=1`, bare: options.h2.plainBareUrl }
      : null;
    if (options.h2) {
      await timeToFirstFrame(browser, h2Url!).catch(() => 0);
      await timeToFirstFrame(browser, options.h2.bareUrl).catch(() => 0);
    }
    if (plain) {
      await timeToFirstFrame(browser, plain.page).catch(() => 0);
      await timeToFirstFrame(browser, plain.bare).catch(() => 0);
    }
    const plainPage: number[] = [];
    const plainBare: number[] = [];
    const h2Page: number[] = [];
    const h2Bare: number[] = [];
    // Loads whose document or MP4 did not go over HTTP/2 (then the rows are errors).
    const notH2Loads: string[] = [];
    const h2Protocols: string[] = [];
    const h2Load = async (name: string, url: string, into: number[]) => {
      const protocols: TProtocols = { document: null, mp4: [] };
      const t = await timeToFirstFrame(browser, url, protocols).catch((e: Error) => void failed.push(`${name}: ${e.message.split("\n")[0]}`));
      if (t === undefined) return;
      into.push(t);
      const why = notH2(protocols);
      if (why) notH2Loads.push(`${name}: ${why}`);
      // What the first load of each kind went over, printed with the row.
      if (h2Protocols.length < 2) h2Protocols.push(`${name}: document ${protocols.document}, MP4 ${protocols.mp4.join("/") || "—"}`);
    };
    const sameHost: number[] = [];
    const player: number[] = [];
    const bare: number[] = [];
    const rendered: number[] = [];
    const floorLoads: number[] = [];
    const failed: string[] = [];
    for (let i = 0; i < runs; i++) {
      // One failed load (a timeout under load) is reported, and the other loads still count.
      const p = await timeToFirstFrame(browser, `${playerUrl}?autoplay=1`).catch((e: Error) => void failed.push(`player: ${e.message.split("\n")[0]}`));
      const b = await timeToFirstFrame(browser, nginx.url).catch((e: Error) => void failed.push(`bare: ${e.message.split("\n")[0]}`));
      const r = await timeToFirstFrame(browser, renderedUrl).catch((e: Error) => void failed.push(`rendered: ${e.message.split("\n")[0]}`));
      if (p !== undefined) player.push(p);
      if (b !== undefined) bare.push(b);
      if (r !== undefined) rendered.push(r);
      if (!(floor instanceof Error)) {
        const f = await timeToFirstFrame(browser, floor.url).catch((e: Error) => void failed.push(`floor: ${e.message.split("\n")[0]}`));
        if (f !== undefined) floorLoads.push(f);
      }
      if (sameHostUrl) {
        const s = await timeToFirstFrame(browser, sameHostUrl).catch((e: Error) => void failed.push(`same host: ${e.message.split("\n")[0]}`));
        if (s !== undefined) sameHost.push(s);
      }
      if (options.h2) {
        await h2Load("h2 page", h2Url!, h2Page);
        await h2Load("h2 bare", options.h2.bareUrl, h2Bare);
      }
      if (plain) {
        const pp = await timeToFirstFrame(browser, plain.page).catch((e: Error) => void failed.push(`plain page: ${e.message.split("\n")[0]}`));
        const pb = await timeToFirstFrame(browser, plain.bare).catch((e: Error) => void failed.push(`plain bare: ${e.message.split("\n")[0]}`));
        if (pp !== undefined) plainPage.push(pp);
        if (pb !== undefined) plainBare.push(pb);
      }
    }
    const loadsPerRun = 3 + (floor instanceof Error ? 0 : 1) + (sameHostUrl ? 1 : 0) + (options.h2 ? 2 : 0) + (plain ? 2 : 0);
    const ms = (xs: number[]) => `[${xs.map((x) => x.toFixed(0)).join(", ")}]`;
    /** A time-to-first-frame row: the median of `page`'s loads against `bare`'s, in the same loop. */
    const frameRow = (label: string, page: number[], referenceName: string, bare: number[], note: string, extra: { goal?: string; error?: string } = {}) =>
      add({
        figure: `time to first frame, ${segment}${label} (median of ${runs} cold loads)`,
        unit: "ms",
        better: "lower",
        lectern: page.length ? median(page) : null,
        referenceName,
        reference: bare.length ? median(bare) : null,
        note,
        ...extra,
      });
    const nginxBare = "bare <video> of the same MP4 on nginx";
    frameRow(
      "",
      player,
      nginxBare,
      bare,
      `player ${ms(player)}; bare ${ms(bare)}` + (failed.length ? `; ${failed.length} of ${runs * loadsPerRun} loads failed: ${failed.slice(0, 2).join("; ")}` : ""),
      { goal: "≤ 2× (issue 12)", ...(!player.length || !bare.length ? { error: `every load failed: ${failed.slice(0, 2).join("; ")}` } : {}) },
    );
    frameRow(", page rendered per request", rendered, nginxBare, bare, `?autoplay=1&coupon=…, interleaved with the loads above: ${ms(rendered)}`);
    // What the stack costs before any Lectern code, and what Lectern adds to it (ADR 008).
    const floorName = "an empty Next.js App Router page with the same <video> (the stack's floor)";
    if (floor instanceof Error) {
      add({ figure: `time to first frame, ${floorName}`, unit: "ms", better: "lower", lectern: null, error: floor.message.split("\n")[0] });
    } else {
      frameRow(
        ", the stack's floor: an empty Next.js page, same <video>",
        floorLoads,
        nginxBare,
        bare,
        `this repository's next, react and react-dom, a static page holding only <video autoplay> of nginx's MP4; interleaved: floor ${ms(floorLoads)}, bare ${ms(bare)}`,
      );
      frameRow(", Lectern against the stack's floor", player, floorName, floorLoads, "the first row's loads against the floor's");
    }
    if (sameHostUrl) {
      frameRow(
        ", MP4 on the page's own host",
        sameHost,
        nginxBare,
        bare,
        `the same build without PLAYER_MP4_ORIGIN (the "before" of ADR 008's second host name), interleaved: ${ms(sameHost)}`,
      );
    }
    if (options.h2) {
      // Both through the same TLS + HTTP/2 nginx: the ratio the ≤ 2× goal asks for, with HTTP/2.
      const protocolNote = notH2Loads.length ? `${notH2Loads.length} loads not over HTTP/2: ${notH2Loads.slice(0, 2).join("; ")}` : `every load over h2 (${h2Protocols.join("; ")})`;
      console.log(`  TLS + HTTP/2 front: ${protocolNote}`);
      frameRow(
        ", through nginx with TLS + HTTP/2",
        h2Page,
        "bare <video> of the same MP4 on the same TLS + HTTP/2 nginx",
        h2Bare,
        `njs media, app with APP_URL=https…, TRUSTED_PROXY_HOPS=1, MEDIA_OFFLOAD=nginx; interleaved: page ${ms(h2Page)}, bare ${ms(h2Bare)}; ${protocolNote}`,
        {
          goal: "≤ 2× (issue 12)",
          ...(notH2Loads.length
            ? { error: `not over HTTP/2: ${notH2Loads.slice(0, 2).join("; ")}` }
            : !h2Page.length || !h2Bare.length
              ? { error: `every load failed: ${failed.filter((f) => f.startsWith("h2")).slice(0, 2).join("; ")}` }
              : {}),
        },
      );
    }
    if (plain) {
      frameRow(
        ", through the same nginx on plain HTTP/1.1",
        plainPage,
        "bare <video> of the same MP4 on that nginx, plain HTTP/1.1",
        plainBare,
        `the TLS + HTTP/2 row's nginx and app on a second, plain port (njs media): what HTTP/2 changes; interleaved: page ${ms(plainPage)}, bare ${ms(plainBare)}`,
      );
    }
    // What a viewer loads: a plain load, the play button pressed, 3 s watched (issue 12's goal);
    // then the same viewer skipping ahead once (the player moves to HLS and loads VHS).
    for (const [name, actions, goal] of [
      ["plain load, play pressed, 3 s watched", { playSeconds: 3 }, "≤ 300 KiB"],
      ["plain load, 3 s watched, then a seek", { playSeconds: 3, seek: true }, undefined],
    ] as const) {
      const figure = `player page JS as loaded, ${name} (gzipped)`;
      const js = await loadedJs(browser, playerUrl, actions).catch((e: Error) => e);
      if (js instanceof Error) {
        add({ figure, unit: "KiB", better: "lower", lectern: null, error: js.message.split("\n")[0] });
        continue;
      }
      add({
        figure,
        unit: "KiB",
        better: "lower",
        lectern: js.gzip / 1024,
        ...(goal ? { goal } : {}),
        note: `${js.scripts} scripts, ${(js.raw / 1024).toFixed(0)} KiB raw`,
      });
    }
    // The autoplay load is the one timed above; a plain load's first media request is the player's MP4.
    // The floor's: every script of an empty Next.js page is in its <head>, before any <video>.
    const floorJs = floor instanceof Error ? floor : await loadedJs(browser, floor.url, {}, (r) => r.resourceType() === "media").catch((e: Error) => e);
    for (const [name, url] of [["autoplay load", `${playerUrl}?autoplay=1`], ["plain load", playerUrl]] as const) {
      const figure = `player page JS requested before the first media request, ${name} (gzipped)`;
      const early = await loadedJs(browser, url).catch((e: Error) => e);
      if (early instanceof Error) {
        add({ figure, unit: "KiB", better: "lower", lectern: null, error: early.message.split("\n")[0] });
        continue;
      }
      add({
        figure,
        unit: "KiB",
        better: "lower",
        lectern: early.gzipBeforeMedia / 1024,
        goal: "≤ 120 KiB",
        ...(floorJs instanceof Error
          ? { note: `${early.scriptsBeforeMedia} of ${early.scripts} scripts; the floor page failed: ${floorJs.message.split("\n")[0]}` }
          : {
              referenceName: "an empty Next.js App Router page (the stack's floor), before its <video>'s request",
              reference: floorJs.gzipBeforeMedia / 1024,
              note: `${early.scriptsBeforeMedia} of ${early.scripts} scripts; the floor's ${floorJs.scriptsBeforeMedia} of ${floorJs.scripts}`,
            }),
      });
    }
    // A plain load (HLS, like a learner coming back to the page) played for 3 s, twice.
    const figure = "media bytes a repeated view of a free segment fetches (3 s of playback, same token window)";
    const repeat = await repeatViewBytes(browser, playerUrl).catch((e: Error) => e);
    if (repeat instanceof Error) {
      add({ figure, unit: "KiB", better: "lower", lectern: null, error: repeat.message.split("\n")[0] });
    } else {
      add({
        figure,
        unit: "KiB",
        better: "lower",
        lectern: repeat.second.bytes / 1024,
        referenceName: "the first view",
        reference: repeat.first.bytes / 1024,
        goal: "playlists only (issue 12)",
        note:
          `second view: playlists ${(repeat.second.playlistBytes / 1024).toFixed(1)} KiB, other media ${(repeat.second.otherBytes / 1024).toFixed(1)} KiB; ` +
          `${repeat.second.fromCache} of ${repeat.second.requests} media requests from the browser cache (first view: ${repeat.first.requests} requests)`,
      });
    }
  } finally {
    await browser.close();
    if (!(floor instanceof Error)) await floor.stop();
    nginx.stop();
  }

  const pages = options.lighthousePages ?? [`/courses/${course}/${segment}`];
  for (const page of pages) {
    const lh = await lighthouseScores(`${options.baseUrl}${page}`, options.lighthouseRuns ?? 3);
    if ("error" in lh) {
      add({ figure: `Lighthouse ${page}`, unit: "", better: "higher", lectern: null, error: lh.error });
      continue;
    }
    add({ figure: `Lighthouse performance, ${page} (mobile defaults)`, unit: "/100", better: "higher", lectern: lh.performance, goal: "≥ 95", note: lh.note });
    add({ figure: `Lighthouse accessibility, ${page}`, unit: "/100", better: "higher", lectern: lh.accessibility, goal: "100" });
  }
}
