import type { Db } from "../db";

/** /admin/organisations: every organisation with its counts, by name. */
export async function listAdminOrganisations(db: Db) {
  return db.organisation.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      slug: true,
      domains: { select: { domain: true }, orderBy: { domain: "asc" } },
      _count: { select: { licences: true, ssoProviders: true } },
    },
  });
}

/** One organisation for its admin page. The provider's client secret (OIDC) never leaves this function. */
export async function loadAdminOrganisation(db: Db, organisationId: string) {
  const org = await db.organisation.findUnique({
    where: { id: organisationId },
    select: {
      id: true,
      name: true,
      slug: true,
      domains: { select: { id: true, domain: true, verifiedBy: true, createdAt: true }, orderBy: { domain: "asc" } },
      licences: {
        select: { id: true, endsAt: true, course: { select: { id: true, title: true, slug: true } } },
        orderBy: { course: { title: "asc" } },
      },
      ssoProviders: { select: { id: true, providerId: true, issuer: true, domain: true, domainVerified: true, oidcConfig: true, samlConfig: true } },
    },
  });
  if (!org) return null;
  return {
    ...org,
    ssoProviders: org.ssoProviders.map(({ oidcConfig, samlConfig, ...p }) => ({
      ...p,
      protocol: samlConfig ? ("saml" as const) : ("oidc" as const),
      clientId: oidcConfig ? ((JSON.parse(oidcConfig) as { clientId?: string }).clientId ?? "") : "",
      /** SAML: the IdP's sign-in URL (its certificate and metadata stay in the row). */
      entryPoint: samlConfig ? ((JSON.parse(samlConfig) as { entryPoint?: string }).entryPoint ?? "") : "",
    })),
  };
}
