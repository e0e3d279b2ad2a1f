import { notFound } from "../../errors";
import { nowOf, type TAdminDeps } from "../admin-deps";
import { writeAudit } from "../write-audit";
import type { TSetPublished } from "./course-schemas";

/** Publishes (learners see it in the catalog) or unpublishes (admins only) a course; a repeat changes nothing. */
export async function setCoursePublished(deps: TAdminDeps, input: TSetPublished): Promise<{ changed: boolean }> {
  return deps.db.$transaction(async (tx) => {
    const course = await tx.course.findUnique({ where: { id: input.courseId }, select: { published: true } });
    if (!course) throw notFound("Course");
    if (course.published === input.published) return { changed: false };
    await tx.course.update({ where: { id: input.courseId }, data: { published: input.published }, select: { id: true } });
    await writeAudit(
      tx,
      {
        actor: deps.actor,
        action: input.published ? "course.publish" : "course.unpublish",
        targetType: "course",
        targetId: input.courseId,
        before: { published: course.published },
        after: { published: input.published },
      },
      nowOf(deps),
    );
    return { changed: true };
  });
}
