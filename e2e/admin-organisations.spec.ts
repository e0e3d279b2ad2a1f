import { expect, test } from "./fixtures";
import { seriousViolations } from "./support/axe";
import { signUp } from "./support/admin-accounts";
import { makeSigningKey } from "./support/saml-signing-key";

// An admin sets up an organisation licence (issue 11) in /admin/organisations: creates the
// organisation, is refused a domain that is no domain and one that belongs to another
// organisation, attests one, grants a licence and ends it; registering an identity provider on a
// private address nobody listed is refused with the reason; a SAML IdP is refused a certificate
// that is none and registered with a real one. axe on both pages at 1366 and 390 px.

const run = Date.now().toString(36);

test("an admin creates an organisation, attests its domain, grants and ends a licence", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  await signUp(page.context().request, baseURL!, "admin");
  await page.goto("/admin/organisations");
  const create = page.getByTestId("new-organisation-form");
  await create.getByLabel("Name").fill(`Org ${run}`);
  await create.getByLabel(/Slug/).fill(`org-${run}`);
  await create.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Org ${run}` })).toBeVisible();

  const domainForm = page.getByTestId("add-domain-form");
  for (const [bad, message] of [
    ["example.com/evil", "Enter a mail domain like example.com"],
    ["10.0.0.1", "Enter a mail domain like example.com"],
    ["acme.test", "acme.test already belongs to an organisation"], // the seed's demo organisation
  ] as const) {
    await domainForm.getByRole("textbox", { name: "Domain" }).fill(bad);
    await domainForm.getByLabel(/I checked that this organisation owns/).check();
    await domainForm.getByRole("button", { name: "Add domain" }).click();
    await expect(domainForm.locator(".field-error, .form-error").first()).toContainText(message);
  }
  await domainForm.getByRole("textbox", { name: "Domain" }).fill(`  MAIL-${run}.TEST. `);
  await domainForm.getByRole("button", { name: "Add domain" }).click();
  await expect(page.getByTestId("organisation-domains")).toContainText(`mail-${run}.test`);

  const licenceForm = page.getByTestId("grant-licence-form");
  await licenceForm.getByLabel("Course").selectOption({ label: "Enterprise Software with Python" });
  await licenceForm.getByRole("button", { name: "Save licence" }).click();
  const row = page.getByTestId("licence-row").filter({ hasText: "Enterprise Software with Python" });
  await expect(row).toContainText("Current");
  await row.getByRole("button", { name: "End now" }).click();
  await expect(row).toContainText("Ended");

  const sso = page.getByTestId("register-provider-form");
  await sso.getByLabel("Issuer URL").fill("http://127.0.0.1:9/");
  await sso.getByLabel("Client ID").fill("lectern");
  await sso.getByLabel(/Client secret/).fill("secret");
  await sso.getByRole("button", { name: "Turn on single sign-on" }).click();
  await expect(sso.locator(".field-error").first()).toContainText("is on a private network");

  const saml = page.getByTestId("register-saml-provider-form");
  await expect(page.getByTestId("saml-acs-url")).toHaveText(`${baseURL}/api/auth/sso/saml2/sp/acs/org-org-${run}`);
  await saml.getByLabel("IdP entity ID").fill("https://idp.example.com/metadata");
  await saml.getByLabel("Sign-in (SSO) URL").fill("https://idp.example.com/sso");
  await saml.getByLabel("Signing certificate (PEM)").fill("-----BEGIN CERTIFICATE-----\nnot one\n-----END CERTIFICATE-----");
  await saml.getByRole("button", { name: "Turn on SAML sign-in" }).click();
  await expect(saml.locator(".field-error").first()).toContainText("not an X.509 certificate");
  await saml.getByLabel("Signing certificate (PEM)").fill(makeSigningKey("idp.example.com").certificate);
  await saml.getByRole("button", { name: "Turn on SAML sign-in" }).click();
  await expect(page.getByTestId("sso-provider")).toContainText("SAML 2.0 identity provider");
  await expect(page.getByTestId("sso-provider")).toContainText("https://idp.example.com/sso");

  await page.goto("/admin/audit");
  await expect(page.locator("body")).toContainText("organisation.licence.end");
  await expect(page.locator("body")).toContainText("organisation.sso.register");
});

for (const width of [1366, 390]) {
  test(`axe: the organisation pages at ${width} px`, async ({ page, baseURL }) => {
    await page.setViewportSize({ width, height: 900 });
    await signUp(page.context().request, baseURL!, "admin");
    await page.goto("/admin/organisations");
    const detail = new URL(await page.getByTestId("organisation-row").first().locator("a").evaluate((a) => (a as HTMLAnchorElement).href)).pathname;
    for (const path of ["/admin/organisations", detail, "/sign-in/organisation"]) {
      await page.goto(path);
      expect(await seriousViolations(page), path).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      expect(overflow, `${path} scrolls sideways at ${width} px`).toBe(false);
    }
  });
}
