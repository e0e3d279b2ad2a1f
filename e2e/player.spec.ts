import type { Page } from "@playwright/test";
import { COURSE, expect, test } from "./fixtures";
import { earlyVideoInterruptions, recordEarlyVideoInterruptions, playerReady } from "./support/player";

// The player page's journeys: keyboard, transcript, chapters and thumbnails, deep links,
// quality menu, remembered settings and auto-advance (docs/decisions/008-player-and-progress.md).

const videoState = (page: Page) =>
  page.evaluate(() => {
    const v = document.querySelector("video")!;
    const tracks = Array.from(v.textTracks ?? []);
    return { time: v.currentTime, paused: v.paused, muted: v.muted, volume: v.volume, rate: v.playbackRate, ended: v.ended };
  });
const currentTime = async (page: Page) => (await videoState(page)).time;
const captionsShowing = (page: Page) =>
  page.evaluate(() => {
    // video.js emulates text tracks; its TextTrackList is on the player (element.player).
    const el = document.querySelector(".video-js") as unknown as { player?: { textTracks(): ArrayLike<TextTrack> } };
    const tracks = el.player?.textTracks();
    if (!tracks) return null;
    const list = Array.from({ length: tracks.length }, (_, i) => tracks[i]!).filter((t) => t.kind === "captions");
    return list.length === 0 ? null : list.some((t) => t.mode === "showing");
  });

test("keyboard shortcuts drive the player without a mouse, and never while typing", async ({ page }) => {
  await page.goto(`/courses/${COURSE}/what-is-enterprise-software`);
  await playerReady(page);

  await page.keyboard.press("?");
  const dialog = page.getByTestId("shortcuts-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("row")).toHaveCount(16);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  await page.keyboard.press("5");
  await expect.poll(() => currentTime(page)).toBeCloseTo(14, 0);
  await page.keyboard.press("j");
  await expect.poll(() => currentTime(page)).toBeCloseTo(4, 0);
  await page.keyboard.press("l");
  await expect.poll(() => currentTime(page)).toBeCloseTo(14, 0);
  await page.keyboard.press("ArrowLeft");
  await expect.poll(() => currentTime(page)).toBeCloseTo(9, 0);
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => currentTime(page)).toBeCloseTo(14, 0);
  await page.keyboard.press("0");
  await expect.poll(() => currentTime(page)).toBeLessThan(0.5);

  await page.keyboard.press("m");
  expect((await videoState(page)).muted).toBe(true);
  await page.keyboard.press("m");
  expect((await videoState(page)).muted).toBe(false);
  await page.keyboard.press("ArrowDown");
  await expect.poll(async () => (await videoState(page)).volume).toBeCloseTo(0.9, 2);
  await page.keyboard.press("ArrowUp");
  await expect.poll(async () => (await videoState(page)).volume).toBeCloseTo(1, 2);
  await page.keyboard.press(">");
  await expect.poll(async () => (await videoState(page)).rate).toBe(1.25);
  await page.keyboard.press("<");
  await page.keyboard.press("<");
  await expect.poll(async () => (await videoState(page)).rate).toBe(0.75);
  await expect(page.getByTestId("player-osd")).toHaveText("Speed 0.75×");

  expect(await captionsShowing(page)).toBe(false);
  await page.keyboard.press("c");
  await expect.poll(() => captionsShowing(page)).toBe(true);
  await page.keyboard.press("c");
  await expect.poll(() => captionsShowing(page)).toBe(false);

  // Typing in the transcript search must not play, seek or mute.
  await page.getByRole("searchbox", { name: "Search the transcript" }).fill("");
  await page.getByRole("searchbox", { name: "Search the transcript" }).pressSequentially("k5m");
  const typed = await videoState(page);
  expect(typed.paused).toBe(true);
  expect(typed.muted).toBe(false);
  expect(typed.time).toBeLessThan(0.5);

  await page.locator("body").focus();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("k");
  await expect.poll(async () => (await videoState(page)).paused).toBe(false);
  await page.keyboard.press("k");
  await expect.poll(async () => (await videoState(page)).paused).toBe(true);
  await page.keyboard.press("f");
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await page.keyboard.press("f");
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(false);
});

test("the transcript follows playback, seeks on click and searches", async ({ page }) => {
  await page.goto(`/courses/${COURSE}/what-is-enterprise-software`);
  await playerReady(page);
  const transcript = page.getByTestId("transcript");
  await expect(transcript.getByRole("button", { name: /Title card/ })).toBeVisible();
  await expect(transcript.locator('[aria-current="true"]')).toContainText("Title card");

  await transcript.getByRole("button", { name: /Hallmarks 4–6/ }).click();
  await expect.poll(() => currentTime(page)).toBeGreaterThanOrEqual(12);
  expect(await currentTime(page)).toBeLessThan(14.5);
  await expect(transcript.locator('[aria-current="true"]')).toContainText("Hallmarks 4–6");
  await page.keyboard.press("k"); // focus is on the cue button: k still pauses
  await expect.poll(async () => (await videoState(page)).paused).toBe(true);

  const search = transcript.getByRole("searchbox", { name: "Search the transcript" });
  await search.fill("hallmarks 7");
  await expect(transcript.getByRole("listitem")).toHaveCount(1);
  await expect(transcript.getByText("1 match")).toBeVisible();
  await search.press("Enter");
  await expect.poll(() => currentTime(page)).toBeGreaterThanOrEqual(20);
  await search.fill("no such words");
  await expect(transcript.getByText("0 matches")).toBeVisible();
});

test("chapters mark the seek bar; hovering shows the chapter and a thumbnail", async ({ page }) => {
  await page.goto(`/courses/${COURSE}/what-is-enterprise-software`);
  await playerReady(page);
  await expect(page.locator(".lectern-chapter-marker")).toHaveCount(3);
  const holder = page.locator(".vjs-progress-holder");
  await page.locator(".video-js").hover();
  const box = (await holder.boundingBox())!;
  await page.mouse.move(box.x + box.width * (15 / 28), box.y + box.height / 2);
  const preview = page.locator(".lectern-seek-preview");
  await expect(preview).toBeVisible();
  await expect(preview.locator(".lectern-seek-preview__chapter")).toHaveText("Hallmarks 4–6");
  await expect(preview.locator(".lectern-seek-preview__time")).toHaveText(/^0:1[45]$/);
  const background = await preview.locator(".lectern-seek-preview__image").evaluate((el) => getComputedStyle(el).backgroundImage);
  expect(background).toMatch(/\/media\/.+\/thumbnails\.jpg/);
  const sprite = await page.request.get(background.replace(/^url\("?|"?\)$/g, ""));
  expect(sprite.status()).toBe(200);
  expect(sprite.headers()["content-type"]).toContain("image/jpeg");
});

test("the quality menu lists the renditions and Auto; PiP and fullscreen buttons are there", async ({ page }) => {
  await page.goto(`/courses/${COURSE}/what-is-python`);
  await playerReady(page);
  const menu = page.locator(".vjs-quality-menu-button");
  // The player starts on the segment's MP4 (one rung: no menu); it moves to the HLS ladder, whose
  // renditions the menu lists, once playback has started and the viewer seeks (ADR 008).
  await page.locator(".vjs-big-play-button").click();
  await expect.poll(() => currentTime(page), { timeout: 20_000 }).toBeGreaterThan(0.5);
  await page.keyboard.press("l");
  await expect(menu).toBeVisible({ timeout: 20_000 });
  // The samples are 1280×720: a 720/480/360 ladder (plan-ladder.ts), plus Auto.
  await expect(page.locator(".vjs-quality-menu-wrapper .vjs-menu-item")).toHaveCount(4);
  const items = await page.locator(".vjs-quality-menu-wrapper .vjs-menu-item-text").allTextContents();
  expect(items.map((i) => i.trim())).toEqual(expect.arrayContaining(["Auto", "720p", "480p", "360p"]));
  await expect(page.getByRole("button", { name: "Picture-in-Picture" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Fullscreen" })).toBeVisible();
  await expect(page.locator(".vjs-playback-rate .vjs-menu-item-text")).toHaveText(["2x", "1.75x", "1.5x", "1.25x", "1x", "0.75x", "0.5x"]);
});

test("deep links start at ?t= (validated); copy link gives the current time", async ({ page }) => {
  await page.goto(`/courses/${COURSE}/what-is-enterprise-software?t=12`);
  await playerReady(page);
  await expect.poll(() => currentTime(page)).toBeCloseTo(12, 0);
  await page.getByTestId("copy-link").click();
  await expect(page.getByTestId("copy-link-status")).toContainText(`/courses/${COURSE}/what-is-enterprise-software?t=12`);

  // A segment not visited yet (an invalid ?t= falls back to the saved position).
  for (const bad of ["abc", "-4", "99999", "1e3"]) {
    await page.goto(`/courses/${COURSE}/what-is-python?t=${bad}`);
    await playerReady(page);
    expect(await currentTime(page), bad).toBeLessThan(0.5);
  }
  await page.goto(`/courses/${COURSE}/what-is-enterprise-software?t=0m20s`);
  await playerReady(page);
  await expect.poll(() => currentTime(page)).toBeCloseTo(20, 0);
});

test("anonymous viewers' speed and volume are remembered in this browser", async ({ page }) => {
  await page.goto(`/courses/${COURSE}/overview`);
  await playerReady(page);
  await page.keyboard.press(">");
  await page.keyboard.press(">");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect.poll(async () => (await videoState(page)).rate).toBe(1.5);
  await page.reload();
  await playerReady(page);
  await expect.poll(async () => (await videoState(page)).rate).toBe(1.5);
  expect((await videoState(page)).volume).toBeCloseTo(0.8, 2);
});

test("at the end, a cancelable countdown leads to the next segment", async ({ page }) => {
  await recordEarlyVideoInterruptions(page);
  await page.goto(`/courses/${COURSE}/overview?t=8`);
  await playerReady(page);
  await page.keyboard.press("k");
  const card = page.getByTestId("up-next-card");
  await expect(card).toBeVisible({ timeout: 15_000 });
  await expect(card).toContainText("Prerequisites and viewing guide");
  await expect(card.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Enter"); // cancel, keyboard only
  await expect(card).toBeHidden();
  await page.waitForTimeout(6_000);
  await expect(page).toHaveURL(new RegExp(`/courses/${COURSE}/overview\\?t=8$`));

  await page.keyboard.press("9");
  await page.keyboard.press("k");
  await expect(card).toBeVisible({ timeout: 15_000 });
  await expect(card).toContainText(/Next in [1-5] s/);
  await expect(page).toHaveURL(new RegExp(`/courses/${COURSE}/prerequisites-and-viewing-guide\\?autoplay=1$`), { timeout: 12_000 });
  await playerReady(page);
  await expect.poll(async () => (await videoState(page)).paused, { timeout: 10_000 }).toBe(false);
  // The next segment's server-rendered <video> was adopted by the player where it was: moving it
  // made Chromium forget its autoplay, and it sometimes never started.
  expect(await earlyVideoInterruptions(page)).toEqual([]);
});

test("auto-advance stops at the paywall with a Buy to continue card", async ({ page }) => {
  await page.goto(`/courses/${COURSE}/presenting-designs?t=11`);
  await playerReady(page);
  await page.keyboard.press("k");
  const card = page.getByTestId("paywall-card");
  await expect(card).toBeVisible({ timeout: 15_000 });
  await expect(card.getByRole("heading", { name: "Buy to continue" })).toBeVisible();
  await expect(card.getByRole("link", { name: "Buy to continue" })).toHaveAttribute("href", `/courses/${COURSE}/checkout`);
  await expect(page.getByTestId("up-next-card")).toHaveCount(0);
  await page.waitForTimeout(6_000);
  await expect(page).toHaveURL(new RegExp(`/courses/${COURSE}/presenting-designs`));
});

test("auto-advance can be turned off", async ({ page }) => {
  await page.goto(`/courses/${COURSE}/overview?t=8`);
  await playerReady(page);
  await page.getByTestId("auto-advance-toggle").uncheck();
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("k");
  await expect.poll(async () => (await videoState(page)).ended, { timeout: 15_000 }).toBe(true);
  await page.waitForTimeout(1_000);
  await expect(page.getByTestId("up-next-card")).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("auto-advance-toggle")).not.toBeChecked();
});
