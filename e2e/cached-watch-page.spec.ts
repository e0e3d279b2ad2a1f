import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { APIResponse, Page } from "@playwright/test";
import Database from "better-sqlite3";
import { cachedPageContentSecurityPolicy } from "../lib/http/content-security-policy";
import { COURSE, TALKS, expect, test } from "./fixtures";
import { grantPurchase, signUpLearner } from "./support/accounts";
import { signUp } from "./support/admin-accounts";
import { playerReady, videoState } from "./support/player";
import { runSupportScript } from "./support/run-script";
import { appWithStreamTokenTtl, streamTokensIn } from "./support/stream-tokens";

// Issue 12: an anonymous visitor's watch page — /courses/<c>/<s> and exactly ?autoplay=1 — comes
// from one shared cached render (app/cached/watch, docs/decisions/019-cached-pages.md): a free
// segment with its signed free-preview URLs, a locked one with its lock and Buy button. A
// signed-in viewer's page is rendered for them; an admin's change shows at once; the media URLs
// in a shared copy are valid for at least STREAM_TOKEN_TTL_SECONDS whenever it is sent.

const FREE = "what-is-python"; // part 2 of COURSE (3 free parts)
const LOCKED = "development-environments"; // part 4

/** Answered from a shared copy: Next's cached render, or Node's short copy of it (page-snapshots.ts). */
const fromCache = (headers: Record<string, string>) =>
  ["HIT", "STALE"].includes(headers["x-nextjs-cache"] ?? "") || headers["x-lectern-page-copy"] === "HIT";
const isShared = (response: APIResponse | { headers(): Record<string, string> }) =>
  response.headers()["content-security-policy"] === cachedPageContentSecurityPolicy();

test("the anonymous watch page comes from the shared render: a free segment plays under its policy, ?autoplay=1 starts, a locked one offers the course", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const first = await page.goto(`/courses/${COURSE}/${FREE}`);
  expect(first!.status()).toBe(200);
  expect(isShared(first!), "the shared render's policy: no nonce").toBe(true);
  await expect.poll(async () => fromCache((await page.request.get(`/courses/${COURSE}/${FREE}`)).headers())).toBe(true);
  // Free preview URLs, bound to nobody.
  const tokens = streamTokensIn(await page.content());
  expect(tokens.length).toBeGreaterThan(0);
  expect(new Set(tokens.map((t) => t.user))).toEqual(new Set(["-"]));
  // The player works under the shared page's policy (a console error fails the test).
  await playerReady(page);
  await page.getByTestId("player").locator(".vjs-big-play-button").click();
  await expect.poll(async () => (await videoState(page)).time, { timeout: 20_000 }).toBeGreaterThan(1);

  // ?autoplay=1: its own shared render, whose server-rendered MP4 starts by itself.
  const autoplay = await page.goto(`/courses/${COURSE}/prerequisites-and-viewing-guide?autoplay=1`);
  expect(isShared(autoplay!)).toBe(true);
  await expect.poll(async () => (await videoState(page)).time, { timeout: 20_000 }).toBeGreaterThan(0.5);
  expect((await videoState(page)).paused).toBe(false);

  // A locked segment: the lock, the price and the Buy button, no media URL at all.
  const locked = await page.goto(`/courses/${COURSE}/${LOCKED}`);
  expect(isShared(locked!)).toBe(true);
  await expect(page.getByTestId("locked-segment")).toBeVisible();
  await expect(page.getByTestId("locked-buy")).toHaveAttribute("href", `/courses/${COURSE}/checkout`);
  expect(streamTokensIn(await page.content())).toEqual([]);

  // Any other query string renders for the request (its own nonce), and so does the internal
  // address, which is no page of its own.
  for (const query of ["?t=30", "?autoplay=1&t=30", "?coupon=SPRING"]) {
    const own = await page.request.get(`/courses/${COURSE}/${FREE}${query}`);
    expect(own.status()).toBe(200);
    expect(own.headers()["content-security-policy"], query).toContain("'nonce-");
  }
  expect((await page.request.get(`/cached/watch/${COURSE}/${FREE}/play`)).status()).toBe(404);
});

test("two signed-in learners each get their own watch page, never the shared one; an anonymous visitor after them gets nobody's", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const ownerContext = await browser.newContext();
  const otherContext = await browser.newContext();
  try {
    const owner = await signUpLearner(ownerContext, baseURL!);
    const other = await signUpLearner(otherContext, baseURL!);
    grantPurchase(owner.id, COURSE);

    const anonymous = await (await browser.newContext()).newPage();
    await anonymous.goto(`/courses/${COURSE}/${LOCKED}`);
    await expect(anonymous.getByTestId("locked-segment")).toBeVisible();

    // The owner: the paid segment plays, with URLs bound to them; rendered for them.
    const ownerPage = await ownerContext.newPage();
    const ownerView = await ownerPage.goto(`/courses/${COURSE}/${LOCKED}`);
    expect(isShared(ownerView!)).toBe(false);
    expect(fromCache(ownerView!.headers())).toBe(false);
    await playerReady(ownerPage);
    await expect(ownerPage.getByTestId("locked-segment")).toHaveCount(0);
    expect(new Set(streamTokensIn(await ownerPage.content()).map((t) => t.user))).toEqual(new Set([owner.id]));
    // ?autoplay=1 signed in: rendered for them too.
    expect(isShared((await ownerPage.goto(`/courses/${COURSE}/${LOCKED}?autoplay=1`))!)).toBe(false);

    // The other learner, right after: locked, nothing of the owner's.
    const otherPage = await otherContext.newPage();
    const otherView = await otherPage.goto(`/courses/${COURSE}/${LOCKED}`);
    expect(isShared(otherView!)).toBe(false);
    await expect(otherPage.getByTestId("locked-segment")).toBeVisible();
    expect(await otherPage.content()).not.toContain(owner.id);
    // Their free segment: their own render, too.
    expect(isShared((await otherPage.goto(`/courses/${COURSE}/${FREE}`))!)).toBe(false);

    // An anonymous visitor after both: the shared render, locked, nobody's token or name.
    for (const query of ["", "?autoplay=1"]) {
      const view = await anonymous.goto(`/courses/${COURSE}/${LOCKED}${query}`);
      expect(isShared(view!), query).toBe(true);
      await expect(anonymous.getByTestId("locked-segment")).toBeVisible();
      await expect(anonymous.getByTestId("account-link")).toHaveCount(0);
      const html = await anonymous.content();
      for (const secret of [owner.id, other.id, owner.email, other.email]) expect(html).not.toContain(secret);
      expect(streamTokensIn(html)).toEqual([]);
    }
  } finally {
    await ownerContext.close();
    await otherContext.close();
  }
});

test.describe("an admin's change to a course", () => {
  const slug = `watch-${randomUUID().slice(0, 8)}`;
  let unpublished = false;
  test.afterAll(() => {
    // A failure midway leaves the copy published: unpublish it (the e2e database is SQLite, read
    // directly: Playwright cannot load the Prisma client) and keep its media (hard links), so a
    // catalog cached for a few more seconds never points other specs at missing posters.
    if (!unpublished) {
      const db = new Database((process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db").replace(/^file:/, ""), { fileMustExist: true });
      try {
        db.prepare("UPDATE Course SET published = 0 WHERE slug = ?").run(slug);
      } finally {
        db.close();
      }
      return;
    }
    fs.rmSync(path.resolve("media", slug), { recursive: true, force: true });
  });

  test("shows on the shared watch page at once: free preview, price, archived segment, unpublished course", async ({ browser, baseURL }) => {
    test.setTimeout(180_000);
    // A course of its own: the free talks as a paid course with 2 free parts of 7.
    const copied = JSON.parse(runSupportScript("copy-sample-course.ts", [TALKS, slug, "1000", "2"])) as { segments: { slug: string; title: string }[][] };
    const [first, second, third] = copied.segments.map((s) => s[0]!.slug);
    const firstTitle = copied.segments[0]![0]!.title;
    const visitor = await (await browser.newContext()).newPage();
    const watch = (segment: string) => `/courses/${slug}/${segment}`;
    /** Fresh shared copies right before a change, so only the invalidation can make the next view differ. */
    const cached = async (segment: string) =>
      expect.poll(async () => fromCache((await visitor.request.get(watch(segment))).headers())).toBe(true);

    await visitor.goto(watch(second!));
    await playerReady(visitor);
    await cached(second!);
    await cached(third!);
    expect(streamTokensIn(await (await visitor.request.get(watch(second!))).text()).length).toBeGreaterThan(0);

    const adminContext = await browser.newContext();
    try {
      await signUp(adminContext.request, baseURL!, "admin");
      const admin = await adminContext.newPage();
      await admin.goto("/admin/courses");
      await admin.getByRole("link", { name: `(${slug})` }).click();
      const details = admin.getByTestId("details-form");

      // One free part instead of two: the second segment turns locked at once, no URL in it.
      await details.getByLabel(/^Free preview parts/).fill("1");
      await details.getByRole("button", { name: "Save details" }).click();
      await expect(details.getByRole("status")).toHaveText("Course details saved.");
      const nowLocked = await visitor.request.get(watch(second!));
      expect(isShared(nowLocked)).toBe(true);
      const lockedHtml = await nowLocked.text();
      expect(lockedHtml).toContain('data-testid="locked-segment"');
      expect(streamTokensIn(lockedHtml)).toEqual([]);
      expect(streamTokensIn(await (await visitor.request.get(watch(first!))).text()).length).toBeGreaterThan(0);

      // A new price: the lock's Buy button says it at once.
      await cached(third!);
      await details.getByLabel(/^Price/).fill("31");
      await details.getByRole("button", { name: "Save details" }).click();
      await expect(details.getByRole("status")).toHaveText("Course details saved.");
      expect(await (await visitor.request.get(watch(third!))).text()).toContain("$31.00");

      // Archived: its watch page is gone at once.
      await cached(first!);
      await admin.getByRole("button", { name: `Archive ${firstTitle}` }).click();
      await expect(admin.getByRole("region", { name: "Archived segments" })).toBeVisible();
      expect((await visitor.request.get(watch(first!))).status()).toBe(404);

      // Unpublished: every watch page of the course is gone at once.
      await cached(third!);
      await admin.getByTestId("publish-toggle").click();
      await expect(admin.locator(".admin-head .badge")).not.toHaveText("Published");
      expect((await visitor.request.get(watch(third!))).status()).toBe(404);
      expect((await visitor.request.get(`${watch(third!)}?autoplay=1`)).status()).toBe(404);
      unpublished = true;
    } finally {
      await adminContext.close();
    }
  });
});

test.describe("with 30-second media URLs", () => {
  const TTL = 30;
  const app = appWithStreamTokenTtl(TTL);

  /** Every URL in the page is valid for at least TTL after the server sent it (its Date header). */
  async function checkedView(page: Page, url: string): Promise<string> {
    const response = await page.request.get(url);
    expect(response.status()).toBe(200);
    expect(isShared(response)).toBe(true);
    const sentAt = Math.floor(new Date(response.headers()["date"]!).getTime() / 1000);
    const html = await response.text();
    const tokens = streamTokensIn(html);
    expect(tokens.length).toBeGreaterThan(0);
    for (const token of tokens) {
      expect(token.expiresAt - sentAt, `${url} (${response.headers()["x-nextjs-cache"] ?? response.headers()["x-lectern-page-copy"]})`).toBeGreaterThanOrEqual(TTL);
    }
    return html;
  }

  test("a shared watch page never hands out a URL that expires within the token lifetime, fresh, old or after a quiet spell", async ({
    page,
  }) => {
    test.setTimeout(150_000);
    const url = `${app().baseURL}/courses/${COURSE}/${FREE}`;
    // Views across two revalidations (15 s each) and Node's copies (5 s), every two seconds.
    const deadline = Date.now() + 40_000;
    while (Date.now() < deadline) {
      await checkedView(page, url);
      await checkedView(page, `${url}?autoplay=1`);
      await new Promise((r) => setTimeout(r, 2000));
    }
    // A quiet spell longer than a stale copy may be sent (expireTime, 20 s): rendered anew, or
    // at least never an old copy with old URLs.
    await new Promise((r) => setTimeout(r, 25_000));
    const html = await checkedView(page, `${url}?autoplay=1`);
    // And the MP4 in it plays from its first byte.
    const mp4 = /src="(\/media\/[^"]+\/video\.mp4)"/.exec(html)?.[1];
    expect(mp4).toBeTruthy();
    const media = await page.request.get(`${app().baseURL}${mp4!.replaceAll("&amp;", "&")}`, { headers: { range: "bytes=0-1023" } });
    expect(media.status()).toBe(206);
  });
});
