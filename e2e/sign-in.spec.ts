import { expect, test } from "./fixtures";

test("sign-in with a wrong password shows a clear message that reveals nothing", async ({ page, expectedConsoleErrors }) => {
  // The failed sign-in answers 401, which Chromium logs; that is the point of this test.
  expectedConsoleErrors.push(/status of 401/);
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("admin@lectern.local");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form [role=alert]")).toHaveText("Wrong email or password.");

  // An address with no account gets the very same message.
  await page.getByLabel("Email").fill(`nobody-${Date.now()}@example.com`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form [role=alert]")).toHaveText("Wrong email or password.");
});

test("the seeded admin signs in and out", async ({ page }) => {
  await page.goto("/sign-in?next=/courses/enterprise-software-with-python/security");
  await page.getByLabel("Email").fill("admin@lectern.local");
  await page.getByLabel("Password").fill("lectern-admin");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/security$/);
  // Admins may watch every segment.
  await expect(page.getByTestId("player")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
});
