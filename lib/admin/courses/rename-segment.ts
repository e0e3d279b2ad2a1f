import { notFound } from "../../errors";
import { nowOf, type TAdminDeps } from "../admin-deps";
import { writeAudit } from "../write-audit";
import type { TRenameSegment } from "./course-schemas";

/** New title and subtitle; the slug (its URL and id) stays, so links and progress keep working. */
export async function renameSegment(deps: TAdminDeps, input: TRenameSegment): Promise<void> {
  await deps.db.$transaction(async (tx) => {
    const before = await tx.segment.findUnique({ where: { id: input.segmentId }, select: { title: true, subtitle: true } });
    if (!before) throw notFound("Segment");
    const after = { title: input.title, subtitle: input.subtitle };
    if (before.title === after.title && before.subtitle === after.subtitle) return;
    await tx.segment.update({ where: { id: input.segmentId }, data: after, select: { id: true } });
    await writeAudit(tx, { actor: deps.actor, action: "segment.rename", targetType: "segment", targetId: input.segmentId, before, after }, nowOf(deps));
  });
}
