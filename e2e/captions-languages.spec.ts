import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test, TALKS } from "./fixtures";
import { playerReady } from "./support/player";

// Captions in several languages (issue 9): a seeded segment gets a German track beside its
// English one; the captions menu, the transcript panel and course search offer both.
const SEGMENT = "porting-without-six";
const tsx = path.resolve("node_modules/.bin/tsx");
const script = path.resolve("e2e/support/extra-captions.ts");
const GERMAN = "WEBVTT\n\n1\n00:00:00.000 --> 00:00:04.000\n[Titelkarte] Portierung ohne six\n\n2\n00:00:04.000 --> 00:00:09.000\n[Ein bewegtes Testbild mit einem gleichmäßigen Ton]\n";

test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lectern-e2e-de-")), "de.vtt");
  fs.writeFileSync(file, GERMAN);
  execFileSync(tsx, [script, "add", TALKS, SEGMENT, "de", file], { stdio: "pipe" });
});
test.afterAll(() => {
  execFileSync(tsx, [script, "remove", TALKS, SEGMENT, "de"], { stdio: "pipe" });
});

const showingLanguage = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector(".video-js") as unknown as { player?: { textTracks(): ArrayLike<TextTrack> } };
    const tracks = el.player?.textTracks();
    if (!tracks) return null;
    return Array.from({ length: tracks.length }, (_, i) => tracks[i]!).find((t) => t.kind === "captions" && t.mode === "showing")?.language ?? null;
  });

test("the captions menu and the transcript offer every language; the transcript follows the menu", async ({ page }) => {
  await page.goto(`/courses/${TALKS}/${SEGMENT}`);
  await playerReady(page);
  const items = page.locator(".vjs-subs-caps-button .vjs-menu-item-text");
  await expect(items.filter({ hasText: "English" })).toHaveCount(1);
  await expect(items.filter({ hasText: "German" })).toHaveCount(1);

  const transcript = page.getByTestId("transcript");
  const picker = page.getByTestId("transcript-language");
  await expect(picker).toHaveValue("en");
  await expect(picker.locator("option")).toHaveText(["English", "German"]);
  await expect(transcript.locator(".transcript__text").first()).toContainText("[Title card]");

  // German from the captions menu: the captions show in German and the transcript follows.
  await page.locator(".vjs-subs-caps-button .vjs-menu-item", { hasText: "German" }).dispatchEvent("click");
  await expect.poll(() => showingLanguage(page)).toBe("de");
  await expect(picker).toHaveValue("de");
  await expect(transcript.locator(".transcript__text").first()).toHaveText("[Titelkarte] Portierung ohne six");
  await expect(transcript.locator(".transcript__cues")).toHaveAttribute("lang", "de");

  // And back to English from the transcript's own picker.
  await picker.selectOption("en");
  await expect(transcript.locator(".transcript__text").first()).toContainText("[Title card]");
});

test("course search finds words in every captions language and says which", async ({ page }) => {
  await page.goto(`/courses/${TALKS}`);
  await page.getByLabel("Words said in any segment, or a title").fill("Testbild");
  await page.getByRole("button", { name: "Search" }).click();
  const results = page.getByTestId("search-results");
  const segment = results.locator(`[data-slug="${SEGMENT}"]`);
  await expect(segment).toContainText("Ein bewegtes Testbild");
  await expect(segment.locator(".badge")).toHaveText("German");
  await expect(segment.locator('[lang="de"]')).toHaveCount(1);
});
