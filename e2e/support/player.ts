import { expect, type Page } from "@playwright/test";

/** Waits until the page's <video> knows its duration (video.js has loaded the playlist). */
export async function playerReady(page: Page): Promise<void> {
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
