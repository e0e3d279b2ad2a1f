import fs from "node:fs";
import type { Page } from "@playwright/test";
import { COURSE, expect, test } from "./fixtures";
import { signUpLearner } from "./support/accounts";

async function buyCourse(page: Page, courseSlug: string): Promise<void> {
  await page.goto(`/courses/${courseSlug}/checkout`);
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await expect(page.getByText("Test payment — no money moves")).toBeVisible();
  await page.getByRole("button", { name: "Pay (test)" }).click();
  await expect(page).toHaveURL(/\/account\/orders\/[^/]+\/receipt/);
}

test.describe("downloads", () => {
  test("visitors are told to sign in, learners without the course to buy it", async ({ page, context, baseURL }) => {
    await page.goto(`/courses/${COURSE}/download`);
    const denied = page.getByTestId("downloads-denied");
    await expect(denied).toContainText("Sign in");
    await expect(denied.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", /\/sign-in\?next=/);
    await expect(page.getByTestId("download-zip")).toHaveCount(0);

    await signUpLearner(context, baseURL!);
    await page.goto(`/courses/${COURSE}/download`);
    await expect(page.getByTestId("downloads-denied").getByRole("link", { name: "Buy it" })).toBeVisible();
  });

  test("a purchaser downloads a segment and the whole course with the advertised sizes", async ({ page, context, baseURL }) => {
    test.setTimeout(120_000);
    await signUpLearner(context, baseURL!);
    await buyCourse(page, COURSE);
    await page.goto(`/courses/${COURSE}/download`);
    const items = page.getByTestId("download-item");
    await expect(items.first()).toBeVisible();
    expect(await items.count()).toBeGreaterThan(10);

    // One segment: the browser saves the numbered MP4, exactly as large as the page says.
    const first = items.first();
    const advertised = Number(await first.locator("[data-bytes]").getAttribute("data-bytes"));
    const [segmentDownload] = await Promise.all([
      page.waitForEvent("download"),
      first.getByRole("link", { name: /Download/ }).click(),
    ]);
    expect(segmentDownload.suggestedFilename()).toBe("01-01 Overview.mp4");
    expect(await segmentDownload.failure()).toBeNull();
    expect(fs.statSync((await segmentDownload.path())!).size).toBe(advertised);

    // The whole course: a ZIP whose Content-Length is known before the first byte (next start
    // relays it, docs/decisions/007) and whose saved size is the advertised one.
    const zipLink = page.getByTestId("download-zip");
    const zipBytes = Number(await page.getByTestId("zip-size").getAttribute("data-bytes"));
    const href = (await zipLink.getAttribute("href"))!;
    const head = await context.request.head(href);
    expect(head.status()).toBe(200);
    expect(head.headers()["content-length"]).toBe(String(zipBytes));
    const tail = await context.request.get(href, { headers: { range: "bytes=-1000" } });
    expect(tail.status()).toBe(206);
    expect(tail.headers()["content-length"]).toBe("1000");
    expect(tail.headers()["content-range"]).toBe(`bytes ${zipBytes - 1000}-${zipBytes - 1}/${zipBytes}`);

    const [zipDownload] = await Promise.all([page.waitForEvent("download"), zipLink.click()]);
    expect(zipDownload.suggestedFilename()).toBe("Enterprise Software with Python.zip");
    expect(await zipDownload.failure()).toBeNull();
    const saved = (await zipDownload.path())!;
    expect(fs.statSync(saved).size).toBe(zipBytes);
    expect(fs.readFileSync(saved).subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
  });

  test("streamed media arrive from next start with a Content-Length", async ({ page }) => {
    await page.goto(`/courses/${COURSE}/overview`);
    const playback = await page.request.get(`/api/courses/${COURSE}/segments/overview/playback`);
    expect(playback.ok()).toBe(true);
    const { hls } = (await playback.json()) as { hls: string };
    const mp4 = hls.replace(/master\.m3u8$/, "video.mp4");
    const full = await page.request.head(mp4);
    const size = Number(full.headers()["content-length"]);
    expect(size).toBeGreaterThan(1000);
    const part = await page.request.get(mp4, { headers: { range: "bytes=100-1123" } });
    expect(part.status()).toBe(206);
    expect(part.headers()["content-length"]).toBe("1024");
    expect(part.headers()["content-range"]).toBe(`bytes 100-1123/${size}`);
    expect((await part.body()).length).toBe(1024);
    const playlist = await page.request.get(hls);
    expect(playlist.headers()["content-length"]).toBe(String((await playlist.body()).length));
    // A free segment: shared caches may keep it (ADR 004); paid media stay private.
    expect(playlist.headers()["cache-control"]).toBe("public, max-age=60");
  });
});
