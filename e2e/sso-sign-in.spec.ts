import { COURSE, expect, test } from "./fixtures";
import { playerReady } from "./support/player";
import { startIdentityOrganisation, type TIdentityOrganisation } from "./support/start-identity-organisation";
import { freePort, startApp, type TStartedApp } from "./support/start-app";

// "Sign in with your organisation" (issue 11) in Chromium, through a REAL OpenID provider
// (oidc-provider on 127.0.0.1, e2e/support/oidc-provider.ts) registered for an organisation
// that holds a licence of the course: a person the app has never seen types their work e-mail,
// signs in at their organisation's provider, comes back with a new account, the course page says
// their organisation has access, and a segment past the free preview plays.

const run = Date.now().toString(36);
const SLUG = `sso-e2e-${run}`;
const DOMAIN = `sso-${run}.test`;
const LOCKED_SEGMENT = "development-environments"; // 4.1: past the 3 free-preview parts

let app: TStartedApp;
let idp: TIdentityOrganisation;
let issuer = "";

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const [appPort, oidcPort] = [await freePort(), await freePort()];
  const appUrl = `http://127.0.0.1:${appPort}`;
  idp = await startIdentityOrganisation("oidc", { appUrl, idpPort: oidcPort, slug: SLUG, domain: DOMAIN, courseSlug: COURSE });
  issuer = idp.info.issuer!;
  app = await startApp({ SSO_PRIVATE_IDP_ORIGINS: issuer }, { port: appPort });
});

test.afterAll(async () => {
  await app?.stop();
  idp?.stop();
});

test("a new person signs in through their organisation's provider and watches a licensed course", async ({ page }) => {
  test.setTimeout(90_000);
  const email = `lin@${DOMAIN}`;
  // oidc-provider's development login page asks for a Google font (no internet here) and the
  // browser for the provider's favicon: answered locally so only the app's own console counts.
  await page.route("https://fonts.googleapis.com/**", (route) => route.fulfill({ status: 200, contentType: "text/css", body: "" }));
  await page.route(`${issuer}/favicon.ico`, (route) => route.fulfill({ status: 204, body: "" }));

  // A visitor is told to check with their work e-mail before buying.
  await page.goto(`${app.baseURL}/courses/${COURSE}`);
  const hint = page.getByTestId("check-organisation");
  await expect(hint).toContainText("check with your work e-mail first");
  await hint.getByRole("link", { name: "Sign in with your organisation" }).click();

  await expect(page.getByRole("heading", { name: "Sign in with your organisation" })).toBeVisible();
  await page.getByLabel("Work e-mail").fill(email);
  await page.getByRole("button", { name: "Continue" }).click();

  // The organisation's own provider (its development login form: any login, any password).
  await page.waitForURL((url) => url.origin !== app.baseURL);
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();

  // Back at the course page, signed in with an account made just now.
  await page.waitForURL(`${app.baseURL}/courses/${COURSE}`);
  await expect(page.getByTestId("organisation-access")).toHaveText(/Your organisation has access/);
  await expect(page.getByTestId("buy-button")).toHaveCount(0);
  await expect(page.getByTestId("buy-box")).not.toContainText("$");

  await page.goto(`${app.baseURL}/courses/${COURSE}/${LOCKED_SEGMENT}`);
  await playerReady(page);
  await page.evaluate(() => document.querySelector("video")!.play());
  await expect.poll(() => page.evaluate(() => document.querySelector("video")!.currentTime), { timeout: 20_000 }).toBeGreaterThan(0.5);
});

test.describe("no organisation", () => {
  // The lookup answers 404, which Chromium logs as a failed resource load.
  test.use({ expectedConsoleErrors: [/status of 404/] });

  test("an address with no organisation is told so and stays on the page", async ({ page }) => {
  await page.goto(`${app.baseURL}/sign-in/organisation`);
  await page.getByLabel("Work e-mail").fill(`someone@nobody-${run}.test`);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "No organisation sign-in is set up" })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(app.baseURL);
});
});
