import type { Response } from "@playwright/test";
import { SHARED_PAGE_MAX_AGE_SECONDS } from "../lib/catalog/catalog-cache";
import { COURSE, expect, test } from "./fixtures";
import { grantPurchase, refundOrder, signUpLearner } from "./support/accounts";
import { playerReady } from "./support/player";
import { appWithStreamTokenTtl, readStreamToken, tokenOf } from "./support/stream-tokens";

// Self-renewing playback (issue 12): with 30-second streaming URLs (valid 30–60 s, lib/media/
// token-expiry.ts) a learner pauses past the expiry, then continues; a refunded buyer's player
// stops renewing and says why. A second server with STREAM_TOKEN_TTL_SECONDS=30.

const TTL = 30;
const app = appWithStreamTokenTtl(TTL);

test("a paused learner continues after the streaming URLs expired, at the same position", async ({ page }) => {
  test.setTimeout(150_000);
  const media: { url: string; status: number; at: number }[] = [];
  page.on("response", (r: Response) => {
    if (r.url().includes("/media/")) media.push({ url: r.url(), status: r.status(), at: Date.now() / 1000 });
  });
  const renewals: number[] = [];
  page.on("response", (r: Response) => {
    if (r.url().endsWith("/playback")) renewals.push(r.status());
  });

  await page.goto(`${app().baseURL}/courses/${COURSE}/what-is-python`);
  await playerReady(page);
  // Every load starts on the segment's MP4 (ADR 008), signed like the HLS URLs.
  await expect.poll(() => media.some((m) => m.url.endsWith("video.mp4"))).toBe(true);
  const first = media.find((m) => m.url.endsWith("video.mp4"))!;
  const firstToken = tokenOf(first.url)!;
  const { expiresAt } = readStreamToken(firstToken);

  await page.evaluate(() => document.querySelector("video")!.play());
  await expect.poll(() => page.evaluate(() => document.querySelector("video")!.currentTime)).toBeGreaterThan(1);
  await page.evaluate(() => document.querySelector("video")!.pause());
  const pausedAt = await page.evaluate(() => document.querySelector("video")!.currentTime);

  // Paused past the expiry of every URL the page started with (real time: the server's clock).
  // The anonymous page is the shared copy, whose URLs are signed SHARED_PAGE_MAX_AGE_SECONDS
  // ahead (ADR 019): they expire within 2 × TTL + 20 s.
  await expect
    .poll(() => Date.now() / 1000 > expiresAt + 1, { timeout: (2 * TTL + SHARED_PAGE_MAX_AGE_SECONDS + 5) * 1000, intervals: [1000] })
    .toBe(true);
  expect((await page.request.get(first.url)).status(), "the page's first URLs really expired").toBe(403);
  expect(renewals.filter((s) => s === 200).length, "the player renewed while paused").toBeGreaterThan(0);

  // A seek (to where it paused) after the pause moves the player from the MP4 to the HLS ladder: playlists and
  // segments it never fetched, all of which must carry the renewed token.
  const before = media.length;
  await page.evaluate((at) => {
    (document.querySelector(".video-js") as unknown as { player: { currentTime(t: number): void } }).player.currentTime(at);
  }, pausedAt);
  await expect.poll(() => media.slice(before).some((m) => m.url.endsWith(".ts")), { timeout: 20_000 }).toBe(true);
  // Then another rendition from the quality menu: new playlist and segment requests.
  const current = await page.evaluate(() => {
    const el = document.querySelector(".video-js") as unknown as { player: { qualityLevels(): { selectedIndex: number; length: number; [i: number]: { height: number } } } };
    const levels = el.player.qualityLevels();
    return levels[levels.selectedIndex]?.height ?? 0;
  });
  // The quality menu's item (the menu itself opens on hover; its items take clicks as users' taps).
  await page.locator(".vjs-quality-menu-wrapper .vjs-menu-item", { hasText: current >= 720 ? "360p" : "720p" }).dispatchEvent("click");
  expect(await page.evaluate(() => document.querySelector("video")!.currentTime)).toBeCloseTo(pausedAt, 0);
  await page.evaluate(() => document.querySelector("video")!.play());
  await expect.poll(() => page.evaluate(() => document.querySelector("video")!.ended), { timeout: 60_000 }).toBe(true);

  const after = media.slice(before);
  expect(after.length, "media was fetched after the pause").toBeGreaterThan(0);
  expect(after.filter((m) => m.status >= 400)).toEqual([]);
  expect(after.every((m) => tokenOf(m.url) !== firstToken)).toBe(true);
});

test("a refunded buyer's player stops renewing and says why", async ({ page, context, expectedConsoleErrors }) => {
  test.setTimeout(120_000);
  expectedConsoleErrors.push(/status of 403/); // the playback API's refusal, which the page shows
  const user = await signUpLearner(context, app().baseURL);
  const { orderId } = grantPurchase(user.id, COURSE);
  await page.goto(`${app().baseURL}/courses/${COURSE}/workflow`);
  await playerReady(page);
  refundOrder(orderId);

  const refused = page.waitForResponse((r) => r.url().endsWith("/playback") && r.status() === 403, { timeout: (2 * TTL + 5) * 1000 });
  await refused;
  await expect(page.getByTestId("access-ended")).toContainText("Your access to this video has ended.");
  await expect(page.getByTestId("access-ended")).toContainText("Buy the course");
});
