import { seriousViolations } from "./support/axe";
import { COURSE, expect, test } from "./fixtures";

// Issue 10: the watch page on a phone (390 px, touch): time and skip controls in the player,
// the title above the fold, no keyboard help on a touch screen.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test("on a phone the player shows the time and skip buttons, the title is above the fold, no keyboard help", async ({ page }) => {
  await page.goto(`/courses/${COURSE}/what-is-python`);
  const player = page.getByTestId("player");
  await expect(player).toBeVisible();
  // The player is built at the first touch (ADR 008): until then the poster and a play button.
  await expect(page.locator(".vjs-big-play-button")).toBeVisible();
  await player.tap({ position: { x: 8, y: 8 } });
  await expect(page.locator(".vjs-control-bar")).toBeVisible();
  for (const control of [".vjs-play-control", ".vjs-skip-backward-10", ".vjs-skip-forward-10", ".vjs-current-time", ".vjs-duration", ".vjs-fullscreen-control"]) {
    await expect(page.locator(control), control).toBeVisible();
  }
  await expect(page.locator(".vjs-duration")).toContainText(/0:\d\d/);
  await expect(page.getByRole("heading", { level: 1 })).toBeInViewport();
  await expect(page.getByRole("button", { name: /Keyboard shortcuts/ })).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});

test("on a phone the transcript, notes and contents are tabs under the title, all above the fold", async ({ page }, testInfo) => {
  await page.goto(`/courses/${COURSE}/what-is-python`);
  const tabs = page.getByRole("tablist", { name: "Transcript, notes and contents" });
  for (const shown of [page.getByRole("heading", { level: 1 }), page.getByTestId("player"), tabs]) {
    await expect(shown).toBeInViewport({ ratio: 1 });
  }
  const file = testInfo.outputPath("watch-390px.png");
  await page.screenshot({ path: file });
  await testInfo.attach("watch-390px", { path: file, contentType: "image/png" });

  // The transcript first; the contents one tap (or arrow key) away, not at the bottom of the page.
  await expect(page.getByRole("tab", { name: "Transcript" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("transcript")).toBeVisible();
  await expect(page.locator(".watch__toc")).toBeHidden();
  await page.getByRole("tab", { name: "Contents" }).tap();
  await expect(page.locator(".watch__toc")).toBeVisible();
  await expect(page.getByTestId("transcript")).toBeHidden();
  // It opens at the segment being watched.
  await expect(page.locator('.watch__toc [aria-current="page"]')).toBeInViewport();
  await expect(page.locator('.watch__toc [aria-current="page"]')).toContainText("What is Python?");
  await page.getByRole("tab", { name: "Contents" }).press("ArrowLeft");
  await expect(page.getByRole("tab", { name: "Notes" })).toBeFocused();
  await expect(page.getByTestId("notes")).toBeVisible();
  await expect(page.locator(".watch__toc")).toBeHidden();
  expect(await seriousViolations(page)).toEqual([]);
});

test.describe("at 1366 px", () => {
  test.use({ viewport: { width: 1366, height: 900 }, isMobile: false, hasTouch: false });

  test("there are no tabs: transcript, notes and contents are all shown", async ({ page }) => {
    await page.goto(`/courses/${COURSE}/what-is-python`);
    await expect(page.getByTestId("watch-tabs")).toBeHidden();
    for (const panel of [page.getByTestId("transcript"), page.getByTestId("notes"), page.locator(".watch__toc")]) await expect(panel).toBeVisible();
    await expect(page.getByRole("button", { name: /Keyboard shortcuts/ })).toBeVisible();
  });
});
