import { notFound } from "../../errors";
import { nowOf, type TAdminDeps } from "../admin-deps";
import { writeAudit } from "../write-audit";
import { lockCourse, reorderError } from "./lock-course";
import type { TArchiveSegment } from "./course-schemas";

/**
 * Takes a segment out of its course without deleting anything: `archivedAt` is set and it gets
 * a negative position below every other in its part (the rule the import uses for segments that
 * left a manifest), so it never collides with the visible order; the segments after it move up
 * one place. Its media and its learners' progress stay. Archiving twice changes nothing.
 */
export async function archiveSegment(deps: TAdminDeps, input: TArchiveSegment): Promise<{ changed: boolean }> {
  const now = nowOf(deps);
  try {
    return await deps.db.$transaction(async (tx) => {
      const owner = await tx.segment.findUnique({ where: { id: input.segmentId }, select: { courseId: true } });
      if (!owner) throw notFound("Segment");
      await lockCourse(tx, owner.courseId, now);
      const segment = await tx.segment.findUniqueOrThrow({
        where: { id: input.segmentId },
        select: { partId: true, position: true, archivedAt: true, title: true },
      });
      if (segment.archivedAt) return { changed: false };
      const lowest = await tx.segment.aggregate({ where: { partId: segment.partId }, _min: { position: true } });
      const parked = Math.min(lowest._min.position ?? 0, 0) - 1;
      await tx.segment.update({ where: { id: input.segmentId }, data: { archivedAt: now, position: parked }, select: { id: true } });
      // Close the gap, lowest first: each position below is free by the time it is taken.
      const after = await tx.segment.findMany({
        where: { partId: segment.partId, position: { gt: segment.position } },
        select: { id: true, position: true },
        orderBy: { position: "asc" },
      });
      for (const s of after) {
        await tx.segment.update({ where: { id: s.id }, data: { position: s.position - 1 }, select: { id: true } });
      }
      await writeAudit(
        tx,
        {
          actor: deps.actor,
          action: "segment.archive",
          targetType: "segment",
          targetId: input.segmentId,
          before: { partId: segment.partId, position: segment.position, archivedAt: null },
          after: { partId: segment.partId, position: parked, archivedAt: now },
        },
        now,
      );
      return { changed: true };
    });
  } catch (error) {
    throw reorderError(error);
  }
}
