import { AppError } from "../../errors";
import { courseId } from "../../ingest/stable-id";
import { isUniqueViolation, nowOf, type TAdminDeps } from "../admin-deps";
import { writeAudit } from "../write-audit";
import type { TCreateCourse } from "./course-schemas";

/**
 * A new, unpublished course (learners see it only once published). Its id is derived from its
 * slug like an imported course's (lib/ingest/stable-id.ts), so a later manifest import of the
 * same slug updates this course instead of making a second one. Placed last in the catalog.
 */
export async function createCourse(deps: TAdminDeps, input: TCreateCourse): Promise<{ courseId: string }> {
  const id = courseId(input.slug);
  try {
    await deps.db.$transaction(async (tx) => {
      const last = await tx.course.aggregate({ _max: { catalogPosition: true } });
      const data = { slug: input.slug, title: input.title, published: false, priceCents: 0, currency: "USD", freePreviewParts: 1 };
      await tx.course.create({
        data: { id, ...data, catalogPosition: (last._max.catalogPosition ?? 0) + 1 },
        select: { id: true },
      });
      await writeAudit(tx, { actor: deps.actor, action: "course.create", targetType: "course", targetId: id, after: data }, nowOf(deps));
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", `A course with the slug "${input.slug}" already exists`, { field: "slug" });
    }
    throw error;
  }
  return { courseId: id };
}
