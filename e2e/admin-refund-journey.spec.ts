import { randomUUID } from "node:crypto";
import { COURSE, expect, test } from "./fixtures";
import { signUp } from "./support/admin-accounts";

// Issue 9's journey: the admin creates a coupon → a learner buys the course with it → the admin
// finds the order by e-mail and refunds it → the learner's access ends at once.
test("a coupon made in the admin is used at checkout; the admin finds the order and refunds it; access ends", async ({ browser, baseURL }) => {
  const code = `E2E${randomUUID().slice(0, 8).toUpperCase()}`;

  const adminContext = await browser.newContext();
  const learnerContext = await browser.newContext();
  try {
    const adminAccount = await signUp(adminContext.request, baseURL!, "admin");
    const learner = await signUp(learnerContext.request, baseURL!, "learner");
    const admin = await adminContext.newPage();
    const page = await learnerContext.newPage();

    // 1. The admin creates a 40 % coupon for this course, capped at one use.
    await admin.goto("/admin/coupons");
    const form = admin.getByTestId("new-coupon-form");
    await form.getByLabel(/^Code/).fill(code.toLowerCase());
    await form.getByLabel(/^Percent off/).fill("40");
    await form.getByRole("combobox", { name: "Course" }).selectOption({ label: "Enterprise Software with Python" });
    await form.getByLabel(/^Max redemptions/).fill("1");
    await form.getByRole("button", { name: "Create coupon" }).click();
    await expect(form.getByRole("status")).toHaveText(`Coupon ${code} created.`);
    await expect(admin.locator(`[data-testid=coupon-row][data-code=${code}]`)).toContainText("40 % off");

    // A bad submit gets a field message, not a 500, and keeps what was typed.
    await form.getByLabel(/^Code/).fill(code);
    await form.getByLabel(/^Percent off/).fill("140");
    await form.getByRole("button", { name: "Create coupon" }).click();
    await expect(form.getByRole("alert")).toHaveText("Percent off must be at most 100");
    await expect(form.getByLabel(/^Code/)).toHaveValue(code);

    // 2. The learner buys the course with it.
    await page.goto(`/courses/${COURSE}/checkout?coupon=${code.toLowerCase()}`);
    await expect(page.getByTestId("checkout-subtotal")).toHaveText("$59.99");
    await expect(page.getByTestId("checkout-discount")).toHaveText("−$24.00");
    await page.getByRole("button", { name: "Pay", exact: true }).click();
    await page.getByRole("button", { name: "Pay (test)" }).click();
    await expect(page).toHaveURL(/\/account\/orders\/[^/]+\/receipt/);
    const playback = `/api/courses/${COURSE}/segments/security/playback`;
    expect((await page.request.get(playback)).status()).toBe(200);

    // The coupon page lists the order that used it.
    await admin.goto("/admin/coupons");
    await admin.getByRole("link", { name: code, exact: true }).click();
    await expect(admin.getByRole("cell", { name: learner.email })).toBeVisible();

    // 3. The admin finds the order by (part of) the buyer's e-mail, in capitals, and refunds it.
    await admin.goto("/admin/orders");
    await admin.getByLabel("Search by e-mail or order number").fill(learner.email.split("@")[0]!.toUpperCase());
    await admin.getByRole("button", { name: "Search" }).click();
    await expect(admin.getByTestId("order-row")).toHaveCount(1);
    await admin.getByTestId("order-row").getByRole("link").click();
    await expect(admin.getByTestId("order-status")).toHaveText("paid");
    await expect(admin.getByTestId("order-access")).toHaveText("Active");
    // A double click sends one refund (the button is disabled while it is sent; the server is idempotent anyway).
    await admin.getByTestId("refund-button").dblclick();
    await expect(admin.getByTestId("refund-form").getByRole("status")).toHaveText("Refunded. The buyer's access has ended.");
    await expect(admin.getByTestId("order-status")).toHaveText("refunded");
    await expect(admin.getByTestId("order-access")).toHaveText("Ended (refunded)");

    // 4. The learner's access has ended: the API refuses, the page shows the lock again.
    expect((await page.request.get(playback)).status()).toBe(403);
    await page.goto(`/courses/${COURSE}/security`);
    await expect(page.getByTestId("locked-segment")).toBeVisible();

    // One refund, on the order's history and in the audit log, by this admin; the coupon's creation too.
    await admin.reload();
    await expect(admin.getByTestId("order-history").getByRole("listitem")).toHaveCount(1);
    await expect(admin.getByTestId("order-history")).toContainText(`order.refund by ${adminAccount.email}`);
    await admin.goto(`/admin/audit?action=coupon.create&actor=${encodeURIComponent(adminAccount.email)}`);
    await expect(admin.getByTestId("audit-row")).toHaveCount(1);
    await expect(admin.getByTestId("audit-row")).toContainText(code);
  } finally {
    await adminContext.close();
    await learnerContext.close();
  }
});
