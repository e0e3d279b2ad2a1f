import crypto from "node:crypto";
import { partId } from "../../ingest/stable-id";
import { nowOf, type TAdminDeps } from "../admin-deps";
import { writeAudit } from "../write-audit";
import { lockCourse } from "./lock-course";
import type { TAddPart } from "./course-schemas";

/** Appends a part to the course (parts with a position ≤ 0 are ones an import removed: not counted). */
export async function addPart(deps: TAdminDeps, input: TAddPart): Promise<{ partId: string }> {
  return deps.db.$transaction(async (tx) => {
    await lockCourse(tx, input.courseId, nowOf(deps)); // the next position is read under the lock
    const course = await tx.course.findUniqueOrThrow({ where: { id: input.courseId }, select: { slug: true } });
    const last = await tx.part.aggregate({ where: { courseId: input.courseId }, _max: { position: true } });
    const position = Math.max(last._max.position ?? 0, 0) + 1;
    // Parts have no slug of their own in the admin; a random key keeps the id unique and stable.
    const id = partId(course.slug, `admin-${crypto.randomUUID()}`);
    await tx.part.create({ data: { id, courseId: input.courseId, position, title: input.title }, select: { id: true } });
    await writeAudit(
      tx,
      { actor: deps.actor, action: "part.create", targetType: "part", targetId: id, after: { courseId: input.courseId, position, title: input.title } },
      nowOf(deps),
    );
    return { partId: id };
  });
}
