import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { TALKS, expect, test } from "./fixtures";
import { signUpLearner } from "./support/accounts";

// Issue 10: the unzipped course ZIP's index.html, opened from file:// with no server, lists
// the course and plays a segment with its captions and a searchable transcript.

test("the unzipped course ZIP plays offline: index.html from file:// with captions and search", async ({ page, context, browser, baseURL }) => {
  test.setTimeout(120_000);
  await signUpLearner(context, baseURL!);
  await page.goto(`/courses/${TALKS}/download`);
  const [zip] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-zip").click()]);
  expect(await zip.failure()).toBeNull();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-offline-"));
  try {
    execFileSync("unzip", ["-q", (await zip.path())!, "-d", dir], { env: { ...process.env, LC_ALL: "C.UTF-8" } });
    const index = path.join(dir, "index.html");
    expect(fs.existsSync(index)).toBe(true);

    // A browser with no server behind it: every non-file request is refused and recorded.
    const offline = await browser.newContext();
    const network: string[] = [];
    await offline.route(/^(?!file:).*/, (route) => {
      network.push(route.request().url());
      return route.abort();
    });
    const local = await offline.newPage();
    const errors: string[] = [];
    local.on("pageerror", (e) => errors.push(e.message));
    await local.goto(`file://${index}`);
    await expect(local.getByRole("heading", { level: 1 })).toHaveText("Running Python in Production");
    await expect(local.locator("#toc li button")).toHaveCount(7);

    // The first segment plays, its captions are a showing text track, the transcript lists them.
    await local.evaluate(() => document.querySelector("video")!.play());
    await expect.poll(() => local.evaluate(() => document.querySelector("video")!.currentTime), { timeout: 20_000 }).toBeGreaterThan(1);
    const track = await local.evaluate(() => {
      const t = document.querySelector("video")!.textTracks[0]!;
      return { mode: t.mode, language: t.language, cues: t.cues?.length ?? 0 };
    });
    expect(track).toMatchObject({ mode: "showing", language: "en" });
    expect(track.cues).toBeGreaterThan(0);
    expect(await local.locator("#cues button").count()).toBe(track.cues);

    // Search every transcript, and jump to a hit in another segment.
    await local.getByLabel("Search every transcript").fill("440 Hz");
    await expect(local.locator("#hits button").first()).toBeVisible();
    const hits = await local.locator("#hits button").count();
    expect(hits).toBeGreaterThanOrEqual(7);
    await local.locator("#hits button").nth(2).click();
    await expect(local.locator("#now-title")).toContainText("3.1");
    await expect.poll(() => local.evaluate(() => document.querySelector("video")!.currentTime), { timeout: 20_000 }).toBeGreaterThan(4);

    expect(network, "requests that left the folder").toEqual([]);
    expect(errors).toEqual([]);
    await offline.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
