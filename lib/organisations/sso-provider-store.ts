import crypto from "node:crypto";
import { AppError, notFound } from "../errors";
import type { TAdminDeps } from "../admin/admin-deps";
import { writeAudit } from "../admin/write-audit";

/** The provider id @better-auth/sso knows the organisation's IdP by (and its callback path). */
export const providerIdOf = (organisationSlug: string) => `org-${organisationSlug}`;

export type TSsoOrganisation = { id: string; slug: string; domains: string[] };

/**
 * The organisation an identity provider is registered for, with its attested domains: "Sign in
 * with your organisation" finds the provider by them, so an organisation without one is refused
 * (on the form's `field`).
 */
export async function loadSsoOrganisation(db: TAdminDeps["db"], organisationId: string, field: string): Promise<TSsoOrganisation> {
  const org = await db.organisation.findUnique({
    where: { id: organisationId },
    select: { id: true, slug: true, domains: { select: { domain: true }, orderBy: { domain: "asc" } } },
  });
  if (!org) throw notFound("Organisation");
  if (org.domains.length === 0) {
    throw new AppError("BAD_REQUEST", "Add the organisation's e-mail domain first: sign-in finds the provider by it", { field });
  }
  return { id: org.id, slug: org.slug, domains: org.domains.map((d) => d.domain) };
}

type TStoredProvider = { issuer: string; oidcConfig: string | null; samlConfig: string | null };

/**
 * Registers (or replaces) the organisation's one identity provider in @better-auth/sso's table,
 * in the shape its own registration writes, with the organisation's domains, and writes the audit
 * entry in the same transaction. `audit` says what the log keeps of the old and new provider
 * (never a secret).
 */
export async function saveSsoProvider(
  deps: TAdminDeps,
  now: Date,
  provider: { org: TSsoOrganisation; issuer: string; config: { oidcConfig: string; samlConfig: null } | { oidcConfig: null; samlConfig: string } },
  audit: { before: (stored: TStoredProvider) => Record<string, unknown>; after: Record<string, unknown> },
): Promise<{ providerId: string }> {
  const { org } = provider;
  const providerId = providerIdOf(org.slug);
  const data = {
    issuer: provider.issuer,
    domain: org.domains.join(","),
    domainVerified: true,
    ...provider.config,
    userId: deps.actor.id,
    organisationId: org.id,
  };
  await deps.db.$transaction(async (tx) => {
    const before = await tx.ssoProvider.findUnique({ where: { providerId }, select: { issuer: true, oidcConfig: true, samlConfig: true } });
    await tx.ssoProvider.upsert({ where: { providerId }, create: { id: crypto.randomUUID(), providerId, ...data }, update: data });
    await writeAudit(
      tx,
      {
        actor: deps.actor,
        action: before ? "organisation.sso.update" : "organisation.sso.register",
        targetType: "organisation",
        targetId: org.id,
        before: before ? audit.before(before) : null,
        after: { providerId, ...audit.after },
      },
      now,
    );
  });
  return { providerId };
}
