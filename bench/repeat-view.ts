// The bytes a repeated view of a free segment fetches (issue 12's cacheable media URLs): a view
// plays a few seconds, the viewer comes back within the token window and plays the same seconds
// again. Within a window the URLs are the same, so the second view should fetch its playlists
// (`no-cache`: revalidated) and nothing else: every video segment from the browser's cache.
import type { Browser, Page } from "@playwright/test";
import { mediaQuietClock, recordMediaLoads, type TMediaLoad } from "../e2e/support/media-loads";

const isPlaylist = (url: string) => /\.m3u8(\?|#|$)/.test(url);

async function poll(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Plays `seconds` of the page's video, pauses, and waits until no media request is in flight. */
async function watch(page: Page, loads: TMediaLoad[], seconds: number): Promise<void> {
  await poll("the player", () => page.evaluate(() => (document.querySelector("video")?.readyState ?? 0) >= 1));
  await page.evaluate(() => document.querySelector("video")!.play());
  await poll(`${seconds} s of playback`, () => page.evaluate((s) => document.querySelector("video")!.currentTime > s, seconds));
  await page.evaluate(() => document.querySelector("video")!.pause());
  const quietFor = mediaQuietClock(loads);
  await poll("the network to settle", () => quietFor() > 750);
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
    const { loads } = await recordMediaLoads(page);
    await page.goto(url, { timeout: 60_000 });
    await watch(page, loads, seconds);
    const first = loads.splice(0);
    await page.goto("about:blank");
    await page.goto(url, { timeout: 60_000 });
    await watch(page, loads, seconds);
    const second = loads.splice(0);
    const sum = (xs: TMediaLoad[]) => xs.reduce((n, l) => n + l.bytes, 0);
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
