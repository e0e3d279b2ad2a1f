import { AppError, notFound } from "../../errors";
import { nowOf, type TAdminDeps } from "../admin-deps";
import { writeAudit } from "../write-audit";
import { lockCourse, reorderError } from "./lock-course";
import type { TMoveSegment } from "./course-schemas";
import { planSegmentMove } from "./plan-segment-move";

/**
 * Moves a segment up or down in its part, or to the end of another part of its course, in one
 * transaction. (partId, position) is unique, so every row that changes place first goes to a
 * fresh negative position below all in use, then to its final 1-based one. The segment keeps
 * its id, so purchases and progress follow it. A concurrent reorder that collides answers 409.
 */
export async function moveSegment(deps: TAdminDeps, input: TMoveSegment): Promise<{ changed: boolean }> {
  try {
    return await deps.db.$transaction(async (tx) => {
      const owner = await tx.segment.findUnique({ where: { id: input.segmentId }, select: { courseId: true } });
      if (!owner) throw notFound("Segment");
      await lockCourse(tx, owner.courseId, nowOf(deps));
      // Read again under the lock: another admin's change may have committed meanwhile.
      const segment = await tx.segment.findUniqueOrThrow({
        where: { id: input.segmentId },
        select: { courseId: true, partId: true, position: true, archivedAt: true },
      });
      if (segment.archivedAt) throw new AppError("CONFLICT", "An archived segment can't be moved");
      const partIds = [segment.partId];
      if (input.toPartId && input.toPartId !== segment.partId) {
        const to = await tx.part.findUnique({ where: { id: input.toPartId }, select: { courseId: true, position: true } });
        if (!to || to.courseId !== segment.courseId || to.position <= 0) {
          throw new AppError("BAD_REQUEST", "Choose a part of the same course", { field: "toPartId" });
        }
        partIds.push(input.toPartId);
      }
      const visible = await tx.segment.findMany({
        where: { partId: { in: partIds }, archivedAt: null, position: { gt: 0 } },
        select: { id: true, partId: true, position: true },
        orderBy: { position: "asc" },
      });
      const orders = partIds.map((partId) => ({ partId, segmentIds: visible.filter((s) => s.partId === partId).map((s) => s.id) }));
      const plan = planSegmentMove(orders, { segmentId: input.segmentId, direction: input.direction, toPartId: input.toPartId });
      if (plan.length === 0) return { changed: false };

      const current = new Map(visible.map((s) => [s.id, s]));
      const moves = plan.flatMap(({ partId, segmentIds }) =>
        segmentIds.map((id, i) => ({ id, partId, position: i + 1 })).filter((m) => {
          const was = current.get(m.id);
          return was?.partId !== m.partId || was.position !== m.position;
        }),
      );
      const lowest = await tx.segment.aggregate({ where: { partId: { in: partIds } }, _min: { position: true } });
      let parking = Math.min(lowest._min.position ?? 0, 0);
      for (const m of moves) {
        await tx.segment.update({ where: { id: m.id }, data: { position: --parking }, select: { id: true } });
      }
      for (const m of moves) {
        await tx.segment.update({ where: { id: m.id }, data: { partId: m.partId, position: m.position }, select: { id: true } });
      }
      const after = moves.find((m) => m.id === input.segmentId);
      await writeAudit(
        tx,
        {
          actor: deps.actor,
          action: "segment.move",
          targetType: "segment",
          targetId: input.segmentId,
          before: { partId: segment.partId, position: segment.position },
          after: after ? { partId: after.partId, position: after.position } : null,
        },
        nowOf(deps),
      );
      return { changed: true };
    });
  } catch (error) {
    throw reorderError(error);
  }
}
