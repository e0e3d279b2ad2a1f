import { COURSE, expect, test } from "./fixtures";
import { grantPurchase, signUpLearner } from "./support/accounts";

// Issue 10: the locked page sells, and owners see what they own — both from the one access
// decision (lib/access/decide-course-entitlement.ts).

const PAID = "security";

test.describe("an anonymous visitor on a locked segment", () => {
  for (const [device, viewport] of [
    ["desktop", { width: 1366, height: 900 }],
    ["phone", { width: 390, height: 844 }],
  ] as const) {
    test(`sees Buy (keeping the campaign's coupon) and the free segments (${device})`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto(`/courses/${COURSE}/${PAID}?coupon=LAUNCH50`);
      const offer = page.getByTestId("locked-segment");
      await expect(offer).toBeVisible();
      const buy = offer.getByTestId("locked-buy");
      await expect(buy).toContainText("$59.99");
      await expect(buy).toHaveAttribute("href", `/courses/${COURSE}/checkout?coupon=LAUNCH50`);
      await expect(buy).toBeInViewport();
      await expect(offer.getByTestId("locked-free")).toHaveAttribute("href", `/courses/${COURSE}/overview`);
      await expect(offer.getByTestId("locked-sign-in")).toBeVisible();
      // The way forward is the offer, never a primary button into the next locked page.
      await expect(page.locator(".prev-next .button--primary")).toHaveCount(0);
      await expect(page.getByTestId("next-locked")).toBeVisible();
      // Nothing scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    });
  }

  test("who already bought it signs in from there and lands back on the segment, playing", async ({ page, browser, baseURL }) => {
    // The buyer's account exists (made in another browser), this one is signed out.
    const elsewhere = await browser.newContext();
    const buyer = await signUpLearner(elsewhere, baseURL!);
    grantPurchase(buyer.id, COURSE);
    await elsewhere.close();

    await page.goto(`/courses/${COURSE}/${PAID}`);
    await page.getByTestId("locked-sign-in").click();
    await page.getByLabel("Email").fill(buyer.email);
    await page.getByLabel("Password").fill(buyer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(`/courses/${COURSE}/${PAID}$`));
    await expect(page.getByTestId("locked-segment")).toHaveCount(0);
    await expect(page.getByTestId("player")).toBeVisible();
  });
});

test("a signed-in learner without the course is offered Buy, without a sign-in link", async ({ page, context, baseURL }) => {
  await signUpLearner(context, baseURL!);
  await page.goto(`/courses/${COURSE}/${PAID}`);
  await expect(page.getByTestId("locked-buy")).toBeVisible();
  await expect(page.getByTestId("locked-sign-in")).toHaveCount(0);
  // The TOC shows locks on exactly the paid parts' segments for them.
  const paidSegments = await page.locator("[data-testid=toc-segment][data-free=false]").count();
  expect(paidSegments).toBeGreaterThan(0);
  await expect(page.locator("[data-testid=toc-segment][data-locked=true]")).toHaveCount(paidSegments);
});

test("a buyer sees ownership everywhere: buy-box, table of contents, catalog card, watch page", async ({ page, context, baseURL }) => {
  const buyer = await signUpLearner(context, baseURL!);
  grantPurchase(buyer.id, COURSE);

  await page.goto(`/courses/${COURSE}`);
  const box = page.getByTestId("buy-box");
  await expect(box.getByTestId("owned")).toHaveText(/You own this course/);
  await expect(box).not.toContainText("$59.99");
  await expect(box).not.toContainText("free to watch");
  await expect(box.getByTestId("buy-button")).toHaveCount(0);
  await expect(box.getByTestId("downloads-link")).toBeVisible();
  await expect(page.getByTestId("toc-segment")).toHaveCount(28);
  await expect(page.locator('[data-testid=toc-segment][data-locked=true]')).toHaveCount(0);
  await expect(page.getByTestId("free-badge")).toHaveCount(0);

  await page.goto("/");
  const card = page.getByTestId("course-card").filter({ hasText: "Enterprise Software with Python" });
  await expect(card.getByTestId("course-card-owned")).toHaveText("Owned");
  await expect(card).not.toContainText("$59.99");
  await expect(card.getByTestId("course-card-progress")).toContainText("0 of 28 segments watched");

  await page.goto(`/courses/${COURSE}/${PAID}`);
  await expect(page.getByTestId("player")).toBeVisible();
  await expect(page.locator('[data-testid=toc-segment][data-locked=true]')).toHaveCount(0);
  await expect(page.locator(".prev-next .button--primary")).toHaveCount(1);
});

test("a returning buyer's buy-box continues where they were", async ({ page, context, baseURL }) => {
  const buyer = await signUpLearner(context, baseURL!);
  grantPurchase(buyer.id, COURSE);
  // Progress through the API the player uses (7 s into a 14 s paid segment).
  const saved = await context.request.post(`${baseURL}/api/progress`, {
    data: { course: COURSE, segment: PAID, positionSeconds: 7, ranges: [[0, 7]] },
    headers: { origin: baseURL! },
  });
  expect(saved.status(), await saved.text()).toBe(200);

  await page.goto(`/courses/${COURSE}`);
  const go = page.getByTestId("buy-box").getByTestId("continue-link");
  await expect(go).toContainText("at 0:07");
  await expect(go).toHaveAttribute("href", `/courses/${COURSE}/${PAID}?t=7`);
  // The segment started shows its partial progress in the table of contents.
  await expect(page.locator(`[data-testid=toc-segment][data-slug=${PAID}] [data-testid=toc-partial]`)).toHaveCount(1);
});

test("the account lists the learner's courses with progress and a Continue link", async ({ page, context, baseURL }) => {
  const buyer = await signUpLearner(context, baseURL!);
  grantPurchase(buyer.id, COURSE);
  const saved = await context.request.post(`${baseURL}/api/progress`, {
    data: { course: COURSE, segment: PAID, positionSeconds: 7, ranges: [[0, 7]] },
    headers: { origin: baseURL! },
  });
  expect(saved.status(), await saved.text()).toBe(200);

  await page.goto("/account");
  const owned = page.getByTestId("account-course").filter({ hasText: "Enterprise Software with Python" });
  await expect(owned).toContainText("Owned");
  await expect(owned.getByTestId("account-course-progress")).toContainText("0 of 28 segments watched");
  await expect(owned.getByTestId("account-continue")).toHaveAttribute("href", `/courses/${COURSE}/${PAID}?t=7`);
  await owned.getByTestId("account-continue").click();
  await expect(page).toHaveURL(new RegExp(`/courses/${COURSE}/${PAID}\\?t=7$`));
  await expect(page.getByTestId("player")).toBeVisible();
});
