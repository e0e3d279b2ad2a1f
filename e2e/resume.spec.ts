import type { Page } from "@playwright/test";
import Database from "better-sqlite3";
import { COURSE, expect, test } from "./fixtures";
import { signUpLearner } from "./support/accounts";
import { playerReady } from "./support/player";

// Resume and honest progress: positions saved and restored, completion only for watching,
// anonymous progress merged into the account on sign-in (docs/decisions/008-player-and-progress.md).

const video = (page: Page) =>
  page.evaluate(() => {
    const v = document.querySelector("video")!;
    return { time: v.currentTime, paused: v.paused, ended: v.ended };
  });
// e2e/support/accounts.ts loads the Prisma client, which Playwright's CommonJS transform
// cannot load (import.meta in the generated client); the e2e database is SQLite, read directly.
const dbFile = (process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db").replace(/^file:/, "");
type TRow = { positionSeconds: number; watchedSeconds: number; completedAt: number | null };
async function progressRow(userId: string, slug: string): Promise<TRow | undefined> {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        `SELECT p.positionSeconds, p.watchedSeconds, p.completedAt FROM SegmentProgress p
         JOIN Segment s ON s.id = p.segmentId JOIN Course c ON c.id = s.courseId
         WHERE p.userId = ? AND s.slug = ? AND c.slug = ?`,
      )
      .get(userId, slug, COURSE) as TRow | undefined;
  } finally {
    db.close();
  }
}
function progressCount(userId: string): number {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM SegmentProgress WHERE userId = ?").get(userId) as { n: number }).n;
  } finally {
    db.close();
  }
}

test("a signed-in viewer resumes within 2 s of where they paused", async ({ page, context, baseURL }) => {
  const user = await signUpLearner(context, baseURL!);
  await page.goto(`/courses/${COURSE}/what-is-enterprise-software`);
  await playerReady(page);
  await page.keyboard.press("4"); // 40 % ≈ 11.2 s
  await page.keyboard.press("k");
  await expect.poll(async () => (await video(page)).time, { timeout: 10_000 }).toBeGreaterThan(13);
  const saved = page.waitForResponse((r) => r.url().endsWith("/api/progress") && r.request().method() === "POST");
  await page.keyboard.press("k");
  expect((await saved).status()).toBe(200);
  const pausedAt = (await video(page)).time;
  await expect.poll(async () => (await progressRow(user.id, "what-is-enterprise-software"))?.positionSeconds).toBeCloseTo(pausedAt, 0);

  await page.reload();
  await playerReady(page);
  await expect.poll(async () => Math.abs((await video(page)).time - pausedAt)).toBeLessThan(2);
  // The player says so (a ?t= link does not), and offers to start over.
  await expect(page.getByTestId("resumed")).toContainText(`Resuming at 0:${String(Math.floor(pausedAt)).padStart(2, "0")}`);

  await page.goto(`/courses/${COURSE}`);
  const minute = `0:${String(Math.floor(pausedAt)).padStart(2, "0")}`;
  await expect(page.getByTestId("continue-link")).toHaveText(`Continue: 2.1 What is Enterprise Software? at ${minute}`);
  await page.getByTestId("continue-link").click();
  await playerReady(page);
  await expect.poll(async () => Math.abs((await video(page)).time - pausedAt)).toBeLessThan(2);
  await expect(page.getByTestId("resumed")).toHaveCount(0);

  await page.goto(`/courses/${COURSE}/what-is-enterprise-software`);
  await playerReady(page);
  await page.getByTestId("start-over").click();
  await expect.poll(async () => (await video(page)).time).toBeLessThan(1);
  await expect(page.getByTestId("resumed")).toHaveCount(0);
});

test("seeking to the end does not complete a segment; watching it does", async ({ page, context, baseURL }) => {
  const user = await signUpLearner(context, baseURL!);
  await page.goto(`/courses/${COURSE}/overview`);
  await playerReady(page);
  await page.keyboard.press("9");
  const endSave = page.waitForResponse((r) => r.url().endsWith("/api/progress"));
  await page.keyboard.press("k");
  const state = (await (await endSave).json()) as { completed: boolean; watchedSeconds: number };
  expect(state.completed).toBe(false);
  await expect.poll(async () => (await video(page)).ended, { timeout: 10_000 }).toBe(true);
  await expect.poll(async () => (await progressRow(user.id, "overview"))?.watchedSeconds ?? 0).toBeGreaterThan(0.5);
  expect((await progressRow(user.id, "overview"))?.completedAt).toBeNull();
  await expect(page.getByTestId("segment-completed")).toHaveCount(0);

  // Watch it for real, at 2× to keep the test short. Resuming near the end starts over.
  await page.reload();
  await playerReady(page);
  expect((await video(page)).time).toBeLessThan(0.5);
  await page.getByTestId("auto-advance-toggle").uncheck();
  await page.evaluate(() => {
    document.querySelector("video")!.playbackRate = 2;
  });
  await page.keyboard.press("k");
  await expect(page.getByTestId("segment-completed")).toBeVisible({ timeout: 15_000 });
  expect((await progressRow(user.id, "overview"))?.completedAt).not.toBeNull();

  await page.goto(`/courses/${COURSE}`);
  await expect(page.locator('[data-testid="toc-segment"][data-slug="overview"]').getByTestId("toc-check")).toBeVisible();
  await expect(page.getByTestId("course-progress")).toContainText("1 of 28 segments watched");
  await page.goto("/");
  await expect(page.getByTestId("course-card-progress").first()).toContainText("1 of 28 segments watched");
});

test("anonymous progress is kept in the browser and merges into the account on sign-in", async ({ page, context, baseURL }) => {
  await page.goto(`/courses/${COURSE}/overview`);
  await playerReady(page);
  await page.getByTestId("auto-advance-toggle").uncheck();
  await page.evaluate(() => {
    document.querySelector("video")!.playbackRate = 2;
  });
  await page.keyboard.press("k");
  await expect(page.getByTestId("segment-completed")).toBeVisible({ timeout: 15_000 });
  const local = await page.evaluate(() => JSON.parse(localStorage.getItem("lectern:progress:v1") ?? "{}"));
  expect(Object.keys(local)).toEqual([`${COURSE}/overview`]);

  const user = await signUpLearner(context, baseURL!);
  await page.goto(`/courses/${COURSE}`);
  await expect(page.locator('[data-testid="toc-segment"][data-slug="overview"]').getByTestId("toc-check")).toBeVisible();
  expect((await progressRow(user.id, "overview"))?.completedAt).not.toBeNull();
  expect(await page.evaluate(() => localStorage.getItem("lectern:progress:v1"))).toBe("{}");
});

test("the progress API writes only the caller's rows and respects the paywall", async ({ page, context, baseURL, request }) => {
  const anonymous = await request.post("/api/progress", { data: { course: COURSE, segment: "overview", ranges: [[0, 5]] } });
  expect(anonymous.status()).toBe(401);
  const user = await signUpLearner(context, baseURL!);
  const api = context.request;
  const paid = await api.post("/api/progress", {
    data: { course: COURSE, segment: "security", ranges: [[0, 14]] },
    headers: { origin: baseURL! },
  });
  expect(paid.status()).toBe(403);
  const foreign = await api.post("/api/progress", {
    data: { course: COURSE, segment: "overview", ranges: [[0, 5]] },
    headers: { origin: "https://evil.example" },
  });
  expect(foreign.status()).toBe(403);
  const bad = await api.post("/api/progress", { data: { course: COURSE, segment: "overview", ranges: [[5, 1]] } });
  expect(bad.status()).toBe(400);
  const ok = await api.post("/api/progress", { data: { course: COURSE, segment: "overview", ranges: [[0, 5]] } });
  expect(ok.status()).toBe(200);
  expect(progressCount(user.id)).toBe(1);

  // Preferences follow the account.
  await page.goto(`/courses/${COURSE}/overview`);
  await playerReady(page);
  const patched = page.waitForResponse((r) => r.url().endsWith("/api/preferences") && r.request().method() === "PATCH");
  await page.keyboard.press(">");
  expect((await patched).status()).toBe(200);
  await page.reload();
  await playerReady(page);
  await expect.poll(() => page.evaluate(() => document.querySelector("video")!.playbackRate)).toBe(1.25);
});
