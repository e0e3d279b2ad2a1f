import type { Prisma } from "../generated/sqlite/client";

/**
 * Keeps the organisation's SSO providers' `domain` (what @better-auth/sso matches a work
 * e-mail against to pick the provider) equal to the organisation's attested domains. With
 * none left the provider signs nobody in: the plugin finds no provider for any address.
 */
export async function syncProviderDomains(tx: Prisma.TransactionClient, organisationId: string): Promise<void> {
  const domains = await tx.organisationDomain.findMany({ where: { organisationId }, select: { domain: true }, orderBy: { domain: "asc" } });
  await tx.ssoProvider.updateMany({
    where: { organisationId },
    data: { domain: domains.map((d) => d.domain).join(","), domainVerified: domains.length > 0 },
  });
}
