import { COURSE, expect, test } from "./fixtures";

// Issue 10: the watch page on a phone (390 px, touch): time and skip controls in the player,
// the title above the fold, no keyboard help on a touch screen.
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test("on a phone the player shows the time and skip buttons, the title is above the fold, no keyboard help", async ({ page }) => {
  await page.goto(`/courses/${COURSE}/what-is-python`);
  const player = page.getByTestId("player");
  await expect(player).toBeVisible();
  await expect(page.locator(".vjs-control-bar")).toBeVisible();
  for (const control of [".vjs-play-control", ".vjs-skip-backward-10", ".vjs-skip-forward-10", ".vjs-current-time", ".vjs-duration", ".vjs-fullscreen-control"]) {
    await expect(page.locator(control), control).toBeVisible();
  }
  await expect(page.locator(".vjs-duration")).toContainText(/0:\d\d/);
  await expect(page.getByRole("heading", { level: 1 })).toBeInViewport();
  await expect(page.getByRole("button", { name: /Keyboard shortcuts/ })).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});
