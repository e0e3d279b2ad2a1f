import { AppError, notFound } from "../errors";
import { nowOf, type TAdminDeps } from "../admin/admin-deps";
import { writeAudit } from "../admin/write-audit";
import type { TEndLicence, TGrantLicence } from "./organisation-schemas";

/** Grants (or extends, or shortens) the organisation's licence for a course until `endsOn`. */
export async function grantLicence(deps: TAdminDeps, input: TGrantLicence): Promise<{ licenceId: string }> {
  const now = nowOf(deps);
  if (input.endsOn.getTime() <= now.getTime()) throw new AppError("BAD_REQUEST", "The end date must be today or later", { field: "endsOn" });
  return deps.db.$transaction(async (tx) => {
    const [org, course] = await Promise.all([
      tx.organisation.findUnique({ where: { id: input.organisationId }, select: { id: true } }),
      tx.course.findUnique({ where: { id: input.courseId }, select: { id: true } }),
    ]);
    if (!org) throw notFound("Organisation");
    if (!course) throw new AppError("BAD_REQUEST", "Choose a course from the list", { field: "courseId" });
    const before = await tx.organisationLicence.findUnique({
      where: { organisationId_courseId: { organisationId: org.id, courseId: course.id } },
      select: { endsAt: true },
    });
    const licence = await tx.organisationLicence.upsert({
      where: { organisationId_courseId: { organisationId: org.id, courseId: course.id } },
      create: { organisationId: org.id, courseId: course.id, endsAt: input.endsOn },
      update: { endsAt: input.endsOn },
      select: { id: true },
    });
    await writeAudit(
      tx,
      {
        actor: deps.actor,
        action: before ? "organisation.licence.update" : "organisation.licence.grant",
        targetType: "organisation",
        targetId: org.id,
        before: before ? { courseId: course.id, endsAt: before.endsAt } : null,
        after: { courseId: course.id, endsAt: input.endsOn },
      },
      now,
    );
    return { licenceId: licence.id };
  });
}

/** Ends a licence now: its members get no new media tokens and their download links stop. */
export async function endLicence(deps: TAdminDeps, input: TEndLicence): Promise<void> {
  const now = nowOf(deps);
  await deps.db.$transaction(async (tx) => {
    const licence = await tx.organisationLicence.findUnique({
      where: { id: input.licenceId },
      select: { id: true, organisationId: true, courseId: true, endsAt: true },
    });
    if (!licence) throw notFound("Licence");
    if (licence.endsAt.getTime() <= now.getTime()) return;
    await tx.organisationLicence.update({ where: { id: licence.id }, data: { endsAt: now } });
    await writeAudit(
      tx,
      {
        actor: deps.actor,
        action: "organisation.licence.end",
        targetType: "organisation",
        targetId: licence.organisationId,
        before: { courseId: licence.courseId, endsAt: licence.endsAt },
        after: { courseId: licence.courseId, endsAt: now },
      },
      now,
    );
  });
}
