import { COURSE, expect, test } from "./fixtures";

test("sign up, hit the paywall, buy with a 50% coupon, get a receipt, watch the paid segment", async ({ page }) => {
  const email = `buyer-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;

  // Sign up through the form.
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Ada Buyer");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/Password/).fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("account-link")).toHaveText("Ada Buyer");

  // A paid segment is locked for a signed-in learner without a purchase.
  await page.goto(`/courses/${COURSE}/security`);
  await expect(page.getByTestId("locked-segment")).toBeVisible();
  const denied = await page.request.get(`/api/courses/${COURSE}/segments/security/playback`);
  expect(denied.status()).toBe(403);

  // The coupon link pre-applies the code; the server computes the price.
  await page.goto(`/courses/${COURSE}/checkout?coupon=launch50`);
  await expect(page.getByTestId("checkout-subtotal")).toHaveText("$59.99");
  await expect(page.getByTestId("checkout-discount")).toHaveText("−$30.00");
  await expect(page.getByTestId("checkout-total")).toContainText("$29.99");

  // An invalid code gets a clear message and leaves the price alone.
  await page.getByLabel("Coupon code").fill("NOPE-NOT-A-CODE");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("coupon-error")).toBeVisible();
  await page.getByLabel("Coupon code").fill("LAUNCH50");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("checkout-total")).toContainText("$29.99");

  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await expect(page.getByText("Test payment — no money moves")).toBeVisible();
  await page.getByRole("button", { name: "Pay (test)" }).click();

  // The receipt: discount, total, paid.
  await expect(page).toHaveURL(/\/account\/orders\/[^/]+\/receipt/);
  await expect(page.getByTestId("receipt-discount")).toContainText("30.00");
  await expect(page.getByTestId("receipt-total")).toContainText("29.99");
  await expect(page.getByTestId("receipt-status")).toContainText(/paid/i);

  // Now the paid segment plays.
  await page.goto(`/courses/${COURSE}/security`);
  await expect(page.getByTestId("locked-segment")).toHaveCount(0);
  await page.locator(".vjs-big-play-button").click();
  await expect
    .poll(() => page.evaluate(() => document.querySelector("video")?.currentTime ?? 0), { timeout: 20_000 })
    .toBeGreaterThan(1);
  const allowed = await page.request.get(`/api/courses/${COURSE}/segments/security/playback`);
  expect(allowed.status()).toBe(200);
});
