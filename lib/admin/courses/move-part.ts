import { notFound } from "../../errors";
import { AppError } from "../../errors";
import { nowOf, type TAdminDeps } from "../admin-deps";
import { writeAudit } from "../write-audit";
import { lockCourse, reorderError } from "./lock-course";
import type { TMovePart } from "./course-schemas";

/**
 * Swaps a part with its neighbour above or below, in one transaction under the course lock.
 * (courseId, position) is unique, so the part first goes to a fresh negative position below
 * all in use (archived parts keep theirs). Its segments and their ids go with it, so
 * purchases and progress are untouched; the free-preview rule follows positions ("the first N
 * parts"), which is what an author reordering parts means. Already first/last: no change.
 */
export async function movePart(deps: TAdminDeps, input: TMovePart): Promise<{ changed: boolean }> {
  try {
    return await deps.db.$transaction(async (tx) => {
      const owner = await tx.part.findUnique({ where: { id: input.partId }, select: { courseId: true } });
      if (!owner) throw notFound("Part");
      await lockCourse(tx, owner.courseId, nowOf(deps));
      const parts = await tx.part.findMany({
        where: { courseId: owner.courseId, position: { gt: 0 } },
        select: { id: true, position: true },
        orderBy: { position: "asc" },
      });
      const i = parts.findIndex((p) => p.id === input.partId);
      if (i < 0) throw new AppError("CONFLICT", "This part is archived: it can't be moved");
      const j = input.direction === "up" ? i - 1 : i + 1;
      const part = parts[i]!;
      const other = parts[j];
      if (!other) return { changed: false };

      const lowest = await tx.part.aggregate({ where: { courseId: owner.courseId }, _min: { position: true } });
      const parking = Math.min(lowest._min.position ?? 0, 0) - 1;
      await tx.part.update({ where: { id: part.id }, data: { position: parking }, select: { id: true } });
      await tx.part.update({ where: { id: other.id }, data: { position: part.position }, select: { id: true } });
      await tx.part.update({ where: { id: part.id }, data: { position: other.position }, select: { id: true } });
      await writeAudit(
        tx,
        {
          actor: deps.actor,
          action: "part.move",
          targetType: "part",
          targetId: part.id,
          before: { position: part.position },
          after: { position: other.position },
        },
        nowOf(deps),
      );
      return { changed: true };
    });
  } catch (error) {
    throw reorderError(error);
  }
}
