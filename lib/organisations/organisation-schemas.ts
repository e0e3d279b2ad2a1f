import { z } from "zod";
import { zSlug } from "../catalog/slug";
import { zId, zRequiredText } from "../admin/form-fields";
import { normaliseDomain } from "./email-domain";

// The admin forms of /admin/organisations (issue 11). Every field arrives as a string.

export const ZCreateOrganisation = z.object({
  name: zRequiredText("Name", 120),
  slug: z.string({ message: "Slug is missing" }).trim().pipe(zSlug("Slug must be lowercase kebab-case, e.g. acme-training")),
});
export type TCreateOrganisation = z.infer<typeof ZCreateOrganisation>;

export const zDomain = z
  .string({ message: "Domain is missing" })
  .max(300, "Domain is at most 253 characters")
  .transform((v, ctx) => {
    const domain = normaliseDomain(v);
    if (!domain) {
      ctx.addIssue({ code: "custom", message: "Enter a mail domain like example.com (no @name, no path, no IP address)" });
      return z.NEVER;
    }
    return domain;
  });

export const ZAddOrganisationDomain = z.object({
  organisationId: zId,
  domain: zDomain,
  attested: z.literal("on", { message: "Confirm that you checked the organisation owns this domain" }),
});
export type TAddOrganisationDomain = z.infer<typeof ZAddOrganisationDomain>;

export const ZRemoveOrganisationDomain = z.object({ domainId: zId });
export type TRemoveOrganisationDomain = z.infer<typeof ZRemoveOrganisationDomain>;

/** "2027-06-30": the licence covers until the end of that day (UTC). */
const zEndsOn = z
  .string({ message: "End date is missing" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "End date must be a date like 2027-06-30")
  .transform((day) => new Date(`${day}T23:59:59.999Z`))
  .refine((date) => !Number.isNaN(date.getTime()), "End date must be a real date");

export const ZGrantLicence = z.object({ organisationId: zId, courseId: zId, endsOn: zEndsOn });
export type TGrantLicence = z.infer<typeof ZGrantLicence>;

export const ZEndLicence = z.object({ licenceId: zId });
export type TEndLicence = z.infer<typeof ZEndLicence>;

export const ZRegisterOidcProvider = z.object({
  organisationId: zId,
  issuer: z
    .string({ message: "Issuer is missing" })
    .trim()
    .max(500, "Issuer is at most 500 characters")
    .pipe(z.url({ protocol: /^https?$/, message: "Issuer must be the provider's http(s) URL, e.g. https://login.example.com" })),
  clientId: zRequiredText("Client ID", 500),
  clientSecret: z.string({ message: "Client secret is missing" }).min(1, "Client secret is required").max(2000, "Client secret is at most 2000 characters"),
});
export type TRegisterOidcProvider = z.infer<typeof ZRegisterOidcProvider>;

export const ZRemoveSsoProvider = z.object({ ssoProviderId: zId });
export type TRemoveSsoProvider = z.infer<typeof ZRemoveSsoProvider>;

/** Empty form fields are "not given" (the SAML form takes either metadata or the three fields). */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/**
 * The organisation's SAML 2.0 identity provider: its metadata XML (which names its entity id,
 * sign-in URL and signing certificate), or those three typed in. Checked further (a parseable
 * certificate, well-formed metadata) by registerSamlProvider.
 */
export const ZRegisterSamlProvider = z
  .object({
    organisationId: zId,
    metadata: z.preprocess(blankToUndefined, z.string().max(100_000, "IdP metadata is at most 100,000 characters").optional()),
    entityId: z.preprocess(blankToUndefined, z.string().trim().max(500, "Entity ID is at most 500 characters").optional()),
    entryPoint: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .max(500, "Sign-in URL is at most 500 characters")
        .pipe(z.url({ protocol: /^https?$/, message: "Sign-in URL must be the provider's http(s) SSO URL" }))
        .optional(),
    ),
    certificate: z.preprocess(blankToUndefined, z.string().max(20_000, "Certificate is at most 20,000 characters").optional()),
  })
  .superRefine((v, ctx) => {
    if (v.metadata) return;
    if (!v.entityId) ctx.addIssue({ code: "custom", path: ["entityId"], message: "Enter the IdP's entity ID, or paste its metadata" });
    if (!v.entryPoint) ctx.addIssue({ code: "custom", path: ["entryPoint"], message: "Enter the IdP's sign-in (SSO) URL, or paste its metadata" });
    if (!v.certificate) ctx.addIssue({ code: "custom", path: ["certificate"], message: "Paste the IdP's signing certificate (PEM), or its metadata" });
  });
export type TRegisterSamlProvider = z.infer<typeof ZRegisterSamlProvider>;
