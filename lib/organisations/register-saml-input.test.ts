import { describe, expect, it } from "vitest";
import { ZRegisterSamlProvider } from "./organisation-schemas";
import { samlServiceProviderOf } from "./register-saml-provider";

// The SAML form of /admin/organisations (issue 11): metadata XML, or the three fields.

const ID = "cmx2bhepf00038g7dlgmr3bj0";
const messages = (input: Record<string, string>) => {
  const parsed = ZRegisterSamlProvider.safeParse({ organisationId: ID, ...input });
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("ZRegisterSamlProvider", () => {
  it("takes the metadata alone; blank fields beside it are not given", () => {
    const parsed = ZRegisterSamlProvider.parse({ organisationId: ID, metadata: "<EntityDescriptor/>", entityId: " ", entryPoint: "", certificate: "" });
    expect(parsed).toEqual({ organisationId: ID, metadata: "<EntityDescriptor/>" });
  });

  it("without metadata asks for each of the three fields by name", () => {
    expect(messages({ metadata: "", entityId: "", entryPoint: "", certificate: "" })).toEqual({
      entityId: "Enter the IdP's entity ID, or paste its metadata",
      entryPoint: "Enter the IdP's sign-in (SSO) URL, or paste its metadata",
      certificate: "Paste the IdP's signing certificate (PEM), or its metadata",
    });
  });

  it("refuses a sign-in URL that is not http(s), and oversized input", () => {
    const base = { entityId: "urn:idp", certificate: "PEM" };
    expect(messages({ ...base, entryPoint: "javascript:alert(1)" })).toMatchObject({ entryPoint: expect.stringMatching(/http\(s\)/) });
    expect(messages({ ...base, entryPoint: "https://idp.example.com/sso" })).toEqual({});
    expect(messages({ metadata: "x".repeat(100_001) })).toMatchObject({ metadata: expect.stringMatching(/at most 100,000/) });
  });
});

describe("samlServiceProviderOf", () => {
  it("names the plugin's ACS and metadata endpoints under APP_URL; the entity ID is the metadata URL", () => {
    expect(samlServiceProviderOf("https://learn.example.com/", "org-acme")).toEqual({
      entityId: "https://learn.example.com/api/auth/sso/saml2/sp/metadata?providerId=org-acme",
      metadataUrl: "https://learn.example.com/api/auth/sso/saml2/sp/metadata?providerId=org-acme",
      acsUrl: "https://learn.example.com/api/auth/sso/saml2/sp/acs/org-acme",
    });
  });
});
