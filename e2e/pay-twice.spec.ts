import { COURSE, expect, test } from "./fixtures";
import { signUpLearner } from "./support/accounts";

// Issue 8, found against a production build: a buyer with two checkouts of one course open
// (one with LAUNCH50, one without) paid both; and a hand-made call to the checkout action
// answered 500 ("b.get is not a function").

test("two checkouts of one course, both paid: one purchase, and the second payment is cancelled with a message", async ({
  page,
  context,
  baseURL,
}) => {
  await signUpLearner(context, baseURL!);
  const other = await context.newPage();

  // Both tabs reach the test payment page before either pays.
  await page.goto(`/courses/${COURSE}/checkout?coupon=LAUNCH50`);
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await expect(page.getByTestId("local-pay-total")).toContainText("$29.99");
  await other.goto(`/courses/${COURSE}/checkout`);
  await other.getByRole("button", { name: "Pay", exact: true }).click();
  await expect(other.getByTestId("local-pay-total")).toContainText("$59.99");

  await page.getByRole("button", { name: "Pay (test)" }).click();
  await expect(page.getByTestId("receipt-status")).toContainText(/paid/i);

  // The second Pay lands on its order's page: why it was cancelled, and the way on — no Pay button.
  await other.getByRole("button", { name: "Pay (test)" }).click();
  await expect(other.getByTestId("local-pay-void")).toContainText("You already own this course");
  await expect(other.getByTestId("local-pay-void")).toContainText("nothing was charged");
  await expect(other.getByRole("button", { name: "Pay (test)" })).toHaveCount(0);
  await expect(other.getByRole("link", { name: "Go to the course" })).toBeVisible();

  await page.goto("/account");
  await expect(page.locator(".status--paid")).toHaveCount(1);
  await expect(page.locator(".status--void")).toHaveCount(1);
});

test("a hand-made call to the checkout action gets a message, not a 500", async ({ page, context, baseURL }) => {
  await signUpLearner(context, baseURL!);
  await page.goto(`/courses/${COURSE}/checkout`);
  // The action's id, as the browser sends it when Pay is pressed.
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]),
    page.getByRole("button", { name: "Pay", exact: true }).click(),
  ]);
  const actionId = request.headers()["next-action"]!;
  await expect(page.getByText("Test payment — no money moves")).toBeVisible();

  for (const args of [[{}, 42], [{}, "course=x"], ["bogus"]]) {
    const res = await context.request.post(`${baseURL}/courses/${COURSE}/checkout`, {
      headers: { "next-action": actionId, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: baseURL! },
      data: JSON.stringify(args),
    });
    expect(res.status(), JSON.stringify(args)).toBe(200);
    expect(await res.text()).toContain("Expected a form submission");
  }
});
