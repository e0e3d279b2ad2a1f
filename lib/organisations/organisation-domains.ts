import { AppError, notFound } from "../errors";
import { isUniqueViolation, nowOf, type TAdminDeps } from "../admin/admin-deps";
import { writeAudit } from "../admin/write-audit";
import type { TAddOrganisationDomain, TRemoveOrganisationDomain } from "./organisation-schemas";
import { syncProviderDomains } from "./sync-provider-domains";

/**
 * An e-mail domain for the organisation, attested by the admin (docs/decisions/015: DNS is not
 * reachable from here, so ownership is the admin's word, recorded in the audit log). From now
 * on verified addresses at exactly this domain, and the organisation's SSO users there, are
 * covered by its licences. A domain belongs to one organisation at most.
 */
export async function addOrganisationDomain(deps: TAdminDeps, input: TAddOrganisationDomain): Promise<{ domainId: string }> {
  const now = nowOf(deps);
  try {
    return await deps.db.$transaction(async (tx) => {
      const org = await tx.organisation.findUnique({ where: { id: input.organisationId }, select: { id: true } });
      if (!org) throw notFound("Organisation");
      const row = await tx.organisationDomain.create({
        data: { organisationId: org.id, domain: input.domain, verifiedBy: "admin-attested" },
        select: { id: true },
      });
      await syncProviderDomains(tx, org.id);
      await writeAudit(
        tx,
        { actor: deps.actor, action: "organisation.domain.add", targetType: "organisation", targetId: org.id, after: { domain: input.domain, verifiedBy: "admin-attested" } },
        now,
      );
      return { domainId: row.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `${input.domain} already belongs to an organisation`, { field: "domain" });
    throw error;
  }
}

/** Removes a domain: its people lose the organisation's licences at their next request. */
export async function removeOrganisationDomain(deps: TAdminDeps, input: TRemoveOrganisationDomain): Promise<void> {
  const now = nowOf(deps);
  await deps.db.$transaction(async (tx) => {
    const row = await tx.organisationDomain.findUnique({ where: { id: input.domainId }, select: { id: true, domain: true, organisationId: true } });
    if (!row) throw notFound("Domain");
    await tx.organisationDomain.delete({ where: { id: row.id } });
    await syncProviderDomains(tx, row.organisationId);
    await writeAudit(
      tx,
      { actor: deps.actor, action: "organisation.domain.remove", targetType: "organisation", targetId: row.organisationId, before: { domain: row.domain } },
      now,
    );
  });
}
