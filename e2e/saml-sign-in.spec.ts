import { COURSE, expect, test } from "./fixtures";
import { playerReady } from "./support/player";
import { startIdentityOrganisation, type TIdentityOrganisation } from "./support/start-identity-organisation";

// "Sign in with your organisation" (issue 11) in Chromium through a REAL SAML 2.0 identity
// provider (samlify on 127.0.0.1, e2e/support/saml-idp.ts, signing with a key made at start)
// registered from its metadata for an organisation that holds a licence of the course. A person
// the app has never seen types their work e-mail, is sent to the IdP with an AuthnRequest, signs
// in there, and the IdP's page posts the signed response across sites to the app's Assertion
// Consumer Service; they come back with a new account, the course page says their organisation
// has access, and a segment past the free preview plays. Runs against the shared e2e server: a
// SAML IdP needs no SSO_PRIVATE_IDP_ORIGINS (the app never fetches from it).

const run = Date.now().toString(36);
const SLUG = `saml-e2e-${run}`;
const DOMAIN = `saml-${run}.test`;
const LOCKED_SEGMENT = "development-environments"; // 4.1: past the 3 free-preview parts

let idp: TIdentityOrganisation;
let ssoUrl = "";

test.beforeAll(async ({}, testInfo) => {
  test.setTimeout(120_000);
  const appUrl = testInfo.project.use.baseURL!;
  idp = await startIdentityOrganisation("saml", { appUrl, idpPort: 0, slug: SLUG, domain: DOMAIN, courseSlug: COURSE });
  ssoUrl = idp.info.ssoUrl!;
});

test.afterAll(() => {
  idp?.stop();
});

test("a new person signs in through their organisation's SAML provider and watches a licensed course", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const email = `ada@${DOMAIN}`;

  await page.goto(`/courses/${COURSE}`);
  await page.getByTestId("check-organisation").getByRole("link", { name: "Sign in with your organisation" }).click();
  await expect(page.getByRole("heading", { name: "Sign in with your organisation" })).toBeVisible();
  await page.getByLabel("Work e-mail").fill(email);
  await page.getByRole("button", { name: "Continue" }).click();

  // The organisation's SAML IdP, which has parsed the app's AuthnRequest.
  await page.waitForURL((url) => url.origin === new URL(ssoUrl).origin);
  await expect(page.getByRole("heading", { name: "Test SAML IdP" })).toBeVisible();
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("anything");
  await page.getByRole("button", { name: "Sign in" }).click();

  // Its page posts the signed response to the app's ACS (a cross-site form POST), which signs the
  // person in and sends them back to the course page.
  await page.waitForURL(`${baseURL}/courses/${COURSE}`);
  await expect(page.getByTestId("organisation-access")).toHaveText(/Your organisation has access/);
  await expect(page.getByTestId("buy-button")).toHaveCount(0);

  await page.goto(`/courses/${COURSE}/${LOCKED_SEGMENT}`);
  await playerReady(page);
  await page.evaluate(() => document.querySelector("video")!.play());
  await expect.poll(() => page.evaluate(() => document.querySelector("video")!.currentTime), { timeout: 20_000 }).toBeGreaterThan(0.5);
});
