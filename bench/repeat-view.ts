// The bytes a repeated view of a free segment fetches (issue 12's cacheable media URLs): a view
// plays a few seconds, the viewer comes back within the token window and plays the same seconds
// again. Within a window the URLs are the same, so the second view should fetch its playlists
// (`no-cache`: revalidated) and nothing else: every video segment from the browser's cache.
import type { Browser, CDPSession, Page } from "@playwright/test";

type TLoad = { url: string; fromCache: boolean; bytes: number; done: boolean };

const isPlaylist = (url: string) => /\.m3u8(\?|#|$)/.test(url);

async function record(page: Page): Promise<{ loads: TLoad[]; cdp: CDPSession }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  const loads: TLoad[] = [];
  const byId = new Map<string, TLoad>();
  cdp.on("Network.requestWillBeSent", (e) => {
    if (!e.request.url.includes("/media/")) return;
    const load = { url: e.request.url, fromCache: false, bytes: 0, done: false };
    byId.set(e.requestId, load);
    loads.push(load);
  });
  cdp.on("Network.requestServedFromCache", (e) => {
    const load = byId.get(e.requestId);
    if (load) load.fromCache = true;
  });
  cdp.on("Network.responseReceived", (e) => {
    const load = byId.get(e.requestId);
    if (load && (e.response.fromDiskCache || e.response.fromPrefetchCache)) load.fromCache = true;
  });
  // encodedDataLength: what came over the network, headers included (0-ish for a cache hit).
  cdp.on("Network.loadingFinished", (e) => {
    const load = byId.get(e.requestId);
    if (load) Object.assign(load, { bytes: load.fromCache ? 0 : e.encodedDataLength, done: true });
  });
  cdp.on("Network.loadingFailed", (e) => {
    const load = byId.get(e.requestId);
    if (load) load.done = true;
  });
  return { loads, cdp };
}

async function poll(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Plays `seconds` of the page's video, pauses, and waits until no media request is in flight. */
async function watch(page: Page, loads: TLoad[], seconds: number): Promise<void> {
  await poll("the player", () => page.evaluate(() => (document.querySelector("video")?.readyState ?? 0) >= 1));
  await page.evaluate(() => document.querySelector("video")!.play());
  await poll(`${seconds} s of playback`, () => page.evaluate((s) => document.querySelector("video")!.currentTime > s, seconds));
  await page.evaluate(() => document.querySelector("video")!.pause());
  let quietSince = Date.now();
  let seen = loads.length;
  await poll("the network to settle", () => {
    if (loads.length !== seen || loads.some((l) => !l.done)) {
      seen = loads.length;
      quietSince = Date.now();
    }
    return Date.now() - quietSince > 750;
  });
}

export type TRepeatView = {
  first: { bytes: number; requests: number };
  second: { bytes: number; playlistBytes: number; otherBytes: number; requests: number; fromCache: number };
};

/** Two views of `url` in one browser profile, `seconds` of playback each. */
export async function repeatViewBytes(browser: Browser, url: string, seconds = 3): Promise<TRepeatView> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const { loads } = await record(page);
    await page.goto(url, { timeout: 60_000 });
    await watch(page, loads, seconds);
    const first = loads.splice(0);
    await page.goto("about:blank");
    await page.goto(url, { timeout: 60_000 });
    await watch(page, loads, seconds);
    const second = loads.splice(0);
    const sum = (xs: TLoad[]) => xs.reduce((n, l) => n + l.bytes, 0);
    return {
      first: { bytes: sum(first), requests: first.length },
      second: {
        bytes: sum(second),
        playlistBytes: sum(second.filter((l) => isPlaylist(l.url))),
        otherBytes: sum(second.filter((l) => !isPlaylist(l.url))),
        requests: second.length,
        fromCache: second.filter((l) => l.fromCache).length,
      },
    };
  } finally {
    await context.close();
  }
}
