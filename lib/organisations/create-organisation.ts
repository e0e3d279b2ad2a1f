import { AppError } from "../errors";
import { isUniqueViolation, nowOf, type TAdminDeps } from "../admin/admin-deps";
import { writeAudit } from "../admin/write-audit";
import type { TCreateOrganisation } from "./organisation-schemas";

/** A new organisation with no domains, licences or provider yet (audited as organisation.create). */
export async function createOrganisation(deps: TAdminDeps, input: TCreateOrganisation): Promise<{ organisationId: string }> {
  const now = nowOf(deps);
  try {
    return await deps.db.$transaction(async (tx) => {
      const org = await tx.organisation.create({ data: { name: input.name, slug: input.slug }, select: { id: true } });
      await writeAudit(tx, { actor: deps.actor, action: "organisation.create", targetType: "organisation", targetId: org.id, after: input }, now);
      return { organisationId: org.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `The slug ${input.slug} is already taken`, { field: "slug" });
    throw error;
  }
}
