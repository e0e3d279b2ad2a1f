import { COURSE, expect, test } from "./fixtures";

test("a free segment plays in video.js: its MP4 first, the HLS ladder from the first seek", async ({ page }) => {
  const hlsRequests: string[] = [];
  const mp4Requests: string[] = [];
  page.on("request", (r) => {
    if (/\.(m3u8|ts)(\?|$)/.test(r.url())) hlsRequests.push(r.url());
    if (/\/video\.mp4(\?|#|$)/.test(r.url())) mp4Requests.push(r.url());
  });
  await page.goto(`/courses/${COURSE}/what-is-python`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("What is Python?");
  // The current segment is highlighted in the TOC beside the player.
  await expect(page.locator('.watch__toc [aria-current="page"]')).toContainText("What is Python?");

  const player = page.getByTestId("player");
  await expect(player.locator(".video-js")).toBeVisible();
  await player.locator(".vjs-big-play-button").click();
  await expect
    .poll(() => page.evaluate(() => document.querySelector("video")?.currentTime ?? 0), { timeout: 20_000 })
    .toBeGreaterThan(1);
  // The segment's progressive MP4 (ADR 008): no playlist, no HLS segment while it plays.
  expect(mp4Requests.length).toBeGreaterThan(0);
  expect(hlsRequests).toEqual([]);

  // Skipping ahead moves the player to the HLS ladder at the new position, still playing.
  await page.keyboard.press("l");
  await expect.poll(() => hlsRequests.some((u) => u.endsWith("master.m3u8")), { timeout: 20_000 }).toBe(true);
  await expect.poll(() => hlsRequests.some((u) => u.endsWith(".ts")), { timeout: 20_000 }).toBe(true);
  await expect.poll(() => page.evaluate(() => document.querySelector("video")?.currentTime ?? 0), { timeout: 20_000 }).toBeGreaterThan(11.5);
  expect(await page.evaluate(() => document.querySelector("video")!.currentSrc)).toMatch(/^blob:/);

  await expect(page.getByRole("link", { name: /What is Python Not\?/ }).first()).toBeVisible();
  await page.locator('a[rel="next"]').click();
  await expect(page).toHaveURL(new RegExp(`/courses/${COURSE}/what-is-python-not$`));
});

test("a paid segment shows its lock and its media stay closed", async ({ page, request }) => {
  await page.goto(`/courses/${COURSE}/security`);
  await expect(page.getByTestId("locked-segment")).toBeVisible();
  await expect(page.locator("video")).toHaveCount(0);

  const playback = await request.get(`/api/courses/${COURSE}/segments/security/playback`);
  expect(playback.status()).toBe(401);
  expect(((await playback.json()) as { error: { message: string } }).error.message).toMatch(/buy/i);

  // Without a token from the playback API there is no way in: forged tokens, or a free
  // segment's token reused on the paid segment, get 403 and no bytes.
  const free = (await (await request.get(`/api/courses/${COURSE}/segments/overview/playback`)).json()) as { hls: string };
  const freeToken = free.hls.split("/")[4]!;
  const forged = `s${(Math.floor(Date.now() / 1000) + 3600).toString(36)}.-.${"A".repeat(43)}`;
  for (const token of [freeToken, forged]) {
    for (const file of ["master.m3u8", "720p/index.m3u8", "720p/seg_000.ts", "video.mp4", "poster.jpg", "captions.en.vtt"]) {
      const res = await request.get(`/media/${COURSE}/security/${token}/${file}`);
      expect(res.status(), `${token.slice(0, 12)} ${file}`).toBe(403);
      expect(res.headers()["content-type"]).toContain("application/json");
    }
  }
  // Media are not served statically either.
  for (const path of [`/${COURSE}/security/master.m3u8`, `/media/${COURSE}/security/%2e%2e/%2e%2e/%2e%2e/package.json`]) {
    const res = await request.get(path);
    expect([400, 404]).toContain(res.status());
  }
});
