import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { signUp } from "./support/admin-accounts";
import { createCourseAsAdmin } from "./support/admin-course";
import { seriousViolations } from "./support/axe";
import { COURSE, expect, test } from "./fixtures";

// Issue 10: the landing page sells — cover (also the share preview), what you'll learn,
// requirements, the instructor with a portrait, and the first free segment playing inline.

/** An <img> that has loaded, with its intrinsic and its declared size. */
const imageFacts = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((img: HTMLImageElement) => ({
    complete: img.complete,
    naturalWidth: img.naturalWidth,
    naturalHeight: img.naturalHeight,
    width: img.getAttribute("width"),
    height: img.getAttribute("height"),
    src: img.currentSrc,
    fullSrc: img.src,
  }));

for (const [device, viewport] of [
  ["desktop", { width: 1366, height: 900 }],
  ["phone", { width: 390, height: 844 }],
] as const) {
  test(`the course page shows the cover, what you'll learn, requirements and the instructor, and plays the trailer inline (${device})`, async ({ page, request }) => {
    await page.setViewportSize(viewport);
    await page.goto(`/courses/${COURSE}`);

    // The cover: its 720 px copy is what the buy-box shows (srcset; issue 12's mobile LCP), its
    // 1200×630 size declared (no layout shift).
    const cover = page.getByTestId("course-cover");
    await expect(cover).toBeVisible();
    await expect.poll(() => imageFacts(page, '[data-testid="course-cover"]').then((f) => f.complete && f.naturalWidth > 0)).toBe(true);
    const facts = await imageFacts(page, '[data-testid="course-cover"]');
    expect(facts).toMatchObject({ width: "1200", height: "630" });
    expect(facts.src).toMatch(/\/cover-[0-9a-f]{16}-720w\.jpg$/);
    // Its pixels (naturalWidth is scaled by the srcset's density): 720×378.
    expect(await page.evaluate((u) => fetch(u).then((r) => r.blob()).then(createImageBitmap).then((b) => [b.width, b.height]), facts.src)).toEqual([720, 378]);
    for (const url of [facts.src, facts.fullSrc]) {
      const image = await request.get(url);
      expect(image.status()).toBe(200);
      expect(image.headers()["content-type"]).toBe("image/jpeg");
      expect(image.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    }
    const small = Number((await request.head(facts.src)).headers()["content-length"]);
    const full = Number((await request.head(facts.fullSrc)).headers()["content-length"]);
    expect(small).toBeLessThan(full / 1.5);

    // The full-size image previews a shared link (OpenGraph, Twitter) and is in the JSON-LD.
    const ogImage = await page.locator('meta[property="og:image"]').getAttribute("content");
    expect(new URL(ogImage!).pathname).toBe(new URL(facts.fullSrc).pathname);
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(new URL(jsonLd.image).pathname).toBe(new URL(facts.fullSrc).pathname);
    expect(jsonLd.teaches).toHaveLength(7);

    const outcomes = page.getByTestId("course-outcomes");
    await expect(outcomes.getByRole("heading", { name: "What you'll learn" })).toBeVisible();
    await expect(outcomes.getByRole("listitem")).toHaveCount(7);
    await expect(outcomes).toContainText("Present a design your organization can review and agree on");
    const requirements = page.getByTestId("course-requirements");
    await expect(requirements.getByRole("listitem")).toHaveCount(3);
    await expect(requirements).toContainText("Comfort with a terminal and git");
    const instructors = page.getByTestId("course-instructors");
    await expect(instructors.getByRole("heading", { name: "Mahmoud Hashemi" })).toBeVisible();
    await expect(instructors).toContainText("boltons and glom");
    await instructors.getByTestId("instructor-photo").scrollIntoViewIfNeeded();
    await expect.poll(() => imageFacts(page, '[data-testid="instructor-photo"]').then((f) => f.naturalWidth)).toBe(320);

    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // The trailer: the first free segment plays right here, on the course page.
    const trailer = page.getByTestId("course-trailer");
    await expect(trailer).toContainText("Free preview: 1.1 Overview");
    await trailer.scrollIntoViewIfNeeded();
    // Its player loads when asked for (issue 12): one press loads it and plays.
    await trailer.getByRole("button", { name: "Play the free preview: 1.1 Overview" }).click();
    await expect.poll(() => trailer.locator("video").evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 20_000 }).toBeGreaterThan(0.5);
    expect(new URL(page.url()).pathname).toBe(`/courses/${COURSE}`);
  });
}

test("the image route answers only a course's current images; the watch page's poster is in the server's HTML", async ({ page, request }) => {
  const res = await request.get(`/courses/${COURSE}`);
  const html = await res.text();
  const cover = /\/images\/courses\/[a-z0-9-]+\/cover-([0-9a-f]{16})\.jpg/.exec(html)!;
  expect(cover).not.toBeNull();
  // Another version of the cover, another course's name, a path outside: 404, never a file.
  for (const path of [
    `/images/courses/${COURSE}/cover-0000000000000000.jpg`,
    `/images/courses/python-in-production/cover-${cover[1]}.jpg`,
    `/images/courses/${COURSE}/images.json`,
    `/images/courses/${COURSE}/..%2F..%2Fpackage.json`,
  ]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  expect((await request.post(cover[0])).status()).toBe(405);
  // The watch page's poster is in the server's HTML (no black box while the player loads).
  await page.goto(`/courses/${COURSE}/what-is-python`);
  await expect(page.getByTestId("player-poster")).toHaveAttribute("src", /\/poster\.jpg$/);
});

test.describe("without JavaScript yet", () => {
  test.use({ javaScriptEnabled: false });

  test("the watch page shows the segment's poster in the player's space, which the player then keeps", async ({ page, browser, baseURL }) => {
    await page.goto(`/courses/${COURSE}/what-is-python`);
    const poster = page.getByTestId("player-poster");
    await expect(poster).toBeVisible();
    await expect.poll(() => poster.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    const before = (await page.getByTestId("player").boundingBox())!;
    expect(before.height / before.width).toBeCloseTo(9 / 16, 2);

    // With the script: the same box (no layout shift when video.js takes over).
    const context = await browser.newContext({ baseURL, javaScriptEnabled: true });
    const live = await context.newPage();
    await live.goto(`/courses/${COURSE}/what-is-python`);
    await expect(live.locator(".video-js")).toBeVisible();
    const after = (await live.getByTestId("player").boundingBox())!;
    expect(Math.abs(after.height - before.height)).toBeLessThan(1);
    expect(Math.abs(after.y - before.y)).toBeLessThan(1);
    await context.close();
  });
});

test("an admin edits what you'll learn, the requirements and an instructor's bio; the course page shows them", async ({ page, baseURL }) => {
  await signUp(page.context().request, baseURL!, "admin");
  const slug = `landing-e2e-${randomUUID().slice(0, 8)}`;
  await createCourseAsAdmin(page, { title: "Landing pages that sell", slug });

  const details = page.getByTestId("details-form");
  await details.getByLabel(/^Authors/).fill("Ada Lovelace");
  await details.getByLabel(/^What you'll learn/).fill("Write a cover line\n\n  Pick a trailer  ");
  await details.getByLabel(/^Requirements/).fill("x".repeat(201));
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(details.locator(".field-error")).toHaveText("Requirements: each line is at most 200 characters");
  await details.getByLabel(/^Requirements/).fill("A course to sell");
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(details.getByRole("status")).toHaveText("Course details saved.");
  await page.reload();
  await expect(page.getByTestId("details-form").getByLabel(/^What you'll learn/)).toHaveValue("Write a cover line\nPick a trailer");
  const bio = page.getByRole("form", { name: "Bio of Ada Lovelace" });
  await bio.getByLabel("Bio of Ada Lovelace").fill("Wrote the first published program.");
  await bio.getByRole("button", { name: "Save bio" }).click();
  await expect(bio.getByRole("status")).toHaveText("Bio saved.");

  await page.goto(`/courses/${slug}`);
  await expect(page.getByTestId("course-outcomes").getByRole("listitem")).toHaveText(["Write a cover line", "Pick a trailer"]);
  await expect(page.getByTestId("course-requirements").getByRole("listitem")).toHaveText(["A course to sell"]);
  const instructors = page.getByTestId("course-instructors");
  await expect(instructors.getByRole("heading", { name: "Ada Lovelace" })).toBeVisible();
  await expect(instructors).toContainText("Wrote the first published program.");
  // No cover imported and nothing to play yet: no image, no trailer, no broken player.
  await expect(page.getByTestId("course-cover")).toHaveCount(0);
  await expect(page.getByTestId("course-trailer")).toHaveCount(0);
});
