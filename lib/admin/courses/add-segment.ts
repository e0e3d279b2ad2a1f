import { AppError, notFound } from "../../errors";
import { segmentId } from "../../ingest/stable-id";
import { isUniqueViolation, nowOf, type TAdminDeps } from "../admin-deps";
import { writeAudit } from "../write-audit";
import { lockCourse } from "./lock-course";
import type { TAddSegment } from "./course-schemas";

/**
 * Appends a segment to a part. It has no media until an upload's transcode job succeeds
 * (/admin/jobs); learner pages leave media-less segments out. Its id is derived from the
 * course and segment slugs, as an import would (lib/ingest/stable-id.ts).
 */
export async function addSegment(deps: TAdminDeps, input: TAddSegment): Promise<{ segmentId: string }> {
  try {
    return await deps.db.$transaction(async (tx) => {
      const part = await tx.part.findUnique({
        where: { id: input.partId },
        select: { courseId: true, position: true, course: { select: { slug: true } } },
      });
      if (!part || part.position <= 0) throw notFound("Part");
      await lockCourse(tx, part.courseId, nowOf(deps)); // the next position is read under the lock
      const last = await tx.segment.aggregate({ where: { partId: input.partId }, _max: { position: true } });
      const position = Math.max(last._max.position ?? 0, 0) + 1;
      const id = segmentId(part.course.slug, input.slug);
      await tx.segment.create({
        data: { id, courseId: part.courseId, partId: input.partId, position, slug: input.slug, title: input.title },
        select: { id: true },
      });
      await writeAudit(
        tx,
        {
          actor: deps.actor,
          action: "segment.create",
          targetType: "segment",
          targetId: id,
          after: { partId: input.partId, position, slug: input.slug, title: input.title },
        },
        nowOf(deps),
      );
      return { segmentId: id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", `This course already has a segment with the slug "${input.slug}" (perhaps archived)`, {
        field: "slug",
      });
    }
    throw error;
  }
}
