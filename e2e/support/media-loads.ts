// The player's media requests as the browser sees them (Chrome DevTools Protocol): which URL,
// whether the HTTP cache answered, how many bytes came over the network, and whether the
// request has ended. Shared by the media-cache e2e spec and the bench's repeat-view figure
// (issue 12's cacheable media URLs), so that both count a cached response the same way.
import type { CDPSession, Page } from "@playwright/test";

export type TMediaLoad = {
  url: string;
  /** The browser's cache answered (memory, disk or prefetch cache). */
  fromCache: boolean;
  /** What came over the network, headers included; 0 for a cache hit. Set when it finishes. */
  bytes: number;
  finished: boolean;
  failed: boolean;
};

/** Starts recording every request to `/media/` the page makes, in order, into `loads`. */
export async function recordMediaLoads(page: Page): Promise<{ loads: TMediaLoad[]; cdp: CDPSession }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  const loads: TMediaLoad[] = [];
  const byId = new Map<string, TMediaLoad>();
  cdp.on("Network.requestWillBeSent", (e) => {
    if (!e.request.url.includes("/media/")) return;
    const load = { url: e.request.url, fromCache: false, bytes: 0, finished: false, failed: false };
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
  cdp.on("Network.loadingFinished", (e) => {
    const load = byId.get(e.requestId);
    if (load) Object.assign(load, { bytes: load.fromCache ? 0 : e.encodedDataLength, finished: true });
  });
  cdp.on("Network.loadingFailed", (e) => {
    const load = byId.get(e.requestId);
    if (load) load.failed = true;
  });
  return { loads, cdp };
}

/**
 * A clock of how long the page's media traffic has been quiet: each call answers the
 * milliseconds since a request was last added to `loads` or was last seen in flight. Poll it
 * until it passes a threshold to know the player has stopped fetching.
 */
export function mediaQuietClock(loads: TMediaLoad[]): () => number {
  let quietSince = Date.now();
  let seen = loads.length;
  return () => {
    if (loads.length !== seen || loads.some((l) => !l.finished && !l.failed)) {
      seen = loads.length;
      quietSince = Date.now();
    }
    return Date.now() - quietSince;
  };
}
