import fs from "node:fs";
import { expect, test } from "./fixtures";
import { signUpLearner } from "./support/accounts";

// Issue 10: a learner changes their name and password, downloads their data and deletes
// their account, from /account/settings.

test("a learner renames themselves, changes the password, downloads their data and deletes the account", async ({
  page,
  context,
  baseURL,
  expectedConsoleErrors,
}) => {
  // A wrong current password is Better Auth's 400 (INVALID_PASSWORD), which Chromium logs.
  expectedConsoleErrors.push(/status of 400/);
  const me = await signUpLearner(context, baseURL!);
  await page.goto("/account");
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Account settings");

  const name = page.getByTestId("name-form");
  await name.getByLabel("Name").fill("Ada Lovelace");
  await name.getByRole("button", { name: "Save name" }).click();
  await expect(name.getByRole("status")).toHaveText("Name saved.");
  await expect(page.getByTestId("account-link")).toHaveText("Ada Lovelace");
  // Length-limited by the server, not only the form.
  const long = await context.request.post(`${baseURL}/api/auth/update-user`, { data: { name: "x".repeat(5000) }, headers: { origin: baseURL! } });
  expect(long.status()).toBe(400);

  const password = page.getByTestId("password-form");
  await password.getByLabel("Current password").fill("not my password");
  await password.getByLabel(/New password/).fill("a-brand-new-password");
  await password.getByRole("button", { name: "Change password" }).click();
  await expect(password.getByRole("alert")).toBeVisible();
  await password.getByLabel("Current password").fill(me.password);
  await password.getByLabel(/New password/).fill("a-brand-new-password");
  await password.getByRole("button", { name: "Change password" }).click();
  await expect(password.getByRole("status")).toContainText("Password changed");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-data").click()]);
  const data = JSON.parse(fs.readFileSync((await download.path())!, "utf8")) as { account: { email: string; name: string } };
  expect(data.account).toMatchObject({ email: me.email, name: "Ada Lovelace" });

  const remove = page.getByTestId("delete-form");
  await remove.getByLabel(/Type your e-mail/).fill(me.email);
  await remove.getByLabel("Password").fill("a-brand-new-password");
  await remove.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/\?account=deleted$/);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  const again = await context.request.post(`${baseURL}/api/auth/sign-in/email`, {
    data: { email: me.email, password: "a-brand-new-password" },
    headers: { origin: baseURL! },
  });
  expect(again.status()).toBe(401);
});
