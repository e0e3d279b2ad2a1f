import { notFound } from "../../errors";
import { nowOf, type TAdminDeps } from "../admin-deps";
import { writeAudit } from "../write-audit";
import type { TRenamePart } from "./course-schemas";

export async function renamePart(deps: TAdminDeps, input: TRenamePart): Promise<void> {
  await deps.db.$transaction(async (tx) => {
    const part = await tx.part.findUnique({ where: { id: input.partId }, select: { title: true } });
    if (!part) throw notFound("Part");
    if (part.title === input.title) return;
    await tx.part.update({ where: { id: input.partId }, data: { title: input.title }, select: { id: true } });
    await writeAudit(
      tx,
      { actor: deps.actor, action: "part.rename", targetType: "part", targetId: input.partId, before: { title: part.title }, after: { title: input.title } },
      nowOf(deps),
    );
  });
}
