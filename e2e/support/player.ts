import { expect, type Page } from "@playwright/test";

/**
 * Waits until video.js is built and the page's <video> knows its duration. A plain load builds
 * the player at the viewer's first input (ADR 008): the pointer comes over the player first, as a
 * viewer's does (an autoplay load's is built at once; the move changes nothing there).
 */
export async function playerReady(page: Page): Promise<void> {
  const player = page.getByTestId("player").first();
  await player.hover({ position: { x: 8, y: 8 } });
  await expect(player).toHaveAttribute("data-built", "", { timeout: 20_000 });
  await expect
    .poll(() => page.evaluate(() => document.querySelector("video")?.readyState ?? 0), { timeout: 20_000 })
    .toBeGreaterThanOrEqual(1);
}

/** The <video>'s time and state. */
export function videoState(page: Page): Promise<{ time: number; paused: boolean; ended: boolean }> {
  return page.evaluate(() => {
    const v = document.querySelector("video")!;
    return { time: v.currentTime, paused: v.paused, ended: v.ended };
  });
}

/**
 * Records, from before any page script, every time a server-rendered early <video>
 * (`data-early-video`) is taken out of the document or paused before it ended: the interruptions
 * a viewer would see (or, for one not started yet, an autoplay Chromium forgets). Read them with
 * `earlyVideoInterruptions`.
 */
export async function recordEarlyVideoInterruptions(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __earlyInterruptions: string[] };
    w.__earlyInterruptions = [];
    const isEarly = (n: Node) => n instanceof HTMLVideoElement && n.hasAttribute("data-early-video");
    document.addEventListener(
      "pause",
      (e) => {
        const v = e.target as HTMLVideoElement;
        if (isEarly(v) && !v.ended) w.__earlyInterruptions.push(`paused at ${v.currentTime.toFixed(2)} s`);
      },
      true,
    );
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of Array.from(r.removedNodes)) {
          const videos = n instanceof Element ? [n, ...Array.from(n.querySelectorAll("video"))] : [];
          // Removed for good when its segment is left: only a removal of an element still in use counts.
          for (const v of videos) if (isEarly(v) && v.isConnected) w.__earlyInterruptions.push("taken out of the document");
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

export function earlyVideoInterruptions(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __earlyInterruptions: string[] }).__earlyInterruptions);
}
