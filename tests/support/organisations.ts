import type { Db } from "../../lib/db";

// Organisation factories shared by the seed, the integration tests and the e2e specs (issue 11).
// They write what an admin's forms would (lib/organisations); the SSO provider itself is always
// registered through registerOidcProvider (real discovery) or registerSamlProvider (real metadata).

/** The seed's demo organisation (prisma/seed.ts, `npm run dev:oidc` and `dev:saml`, the SSO e2e journey). */
export const DEMO_ORGANISATION = { slug: "acme-training", name: "Acme Training", domain: "acme.test" } as const;

export type TLicensedOrganisation = { organisationId: string; slug: string };

/** An organisation with admin-attested domains and a licence for each course until `endsAt`. */
export async function createLicensedOrganisation(
  db: Db,
  spec: { slug: string; name?: string; domains: string[]; courseIds: string[]; endsAt: Date },
): Promise<TLicensedOrganisation> {
  const org = await db.organisation.upsert({
    where: { slug: spec.slug },
    create: { slug: spec.slug, name: spec.name ?? spec.slug },
    update: {},
    select: { id: true },
  });
  for (const domain of spec.domains) {
    await db.organisationDomain.upsert({ where: { domain }, create: { organisationId: org.id, domain }, update: {} });
  }
  for (const courseId of spec.courseIds) {
    await db.organisationLicence.upsert({
      where: { organisationId_courseId: { organisationId: org.id, courseId } },
      create: { organisationId: org.id, courseId, endsAt: spec.endsAt },
      update: { endsAt: spec.endsAt },
    });
  }
  return { organisationId: org.id, slug: spec.slug };
}
