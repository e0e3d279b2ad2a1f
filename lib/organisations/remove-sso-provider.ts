import { notFound } from "../errors";
import { nowOf, type TAdminDeps } from "../admin/admin-deps";
import { writeAudit } from "../admin/write-audit";
import type { TRemoveSsoProvider } from "./organisation-schemas";

/**
 * Removes an organisation's identity provider: nobody signs in through it any more, and its
 * users whose addresses were never verified otherwise lose the licence at their next request.
 * Their accounts stay (progress, notes, purchases are theirs).
 */
export async function removeSsoProvider(deps: TAdminDeps, input: TRemoveSsoProvider): Promise<void> {
  const now = nowOf(deps);
  await deps.db.$transaction(async (tx) => {
    const provider = await tx.ssoProvider.findUnique({ where: { id: input.ssoProviderId }, select: { id: true, providerId: true, issuer: true, organisationId: true } });
    if (!provider) throw notFound("Identity provider");
    await tx.ssoProvider.delete({ where: { id: provider.id } });
    await writeAudit(
      tx,
      {
        actor: deps.actor,
        action: "organisation.sso.remove",
        targetType: "organisation",
        targetId: provider.organisationId ?? provider.providerId,
        before: { providerId: provider.providerId, issuer: provider.issuer },
      },
      now,
    );
  });
}
