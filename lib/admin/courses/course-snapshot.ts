import type { Prisma } from "../../generated/sqlite/client";
import { notFound } from "../../errors";

/** The course facts the admin edits (besides its authors): what the course page's forms show and the audit log records. */
export const EDITABLE_COURSE_SELECT = {
  slug: true,
  title: true,
  subtitle: true,
  description: true,
  priceCents: true,
  currency: true,
  freePreviewParts: true,
  published: true,
  outcomes: true,
  requirements: true,
} as const satisfies Prisma.CourseSelect;

/** The course facts the admin edits, as the audit log records them before and after a change. */
export async function courseSnapshot(tx: Prisma.TransactionClient, courseId: string) {
  const course = await tx.course.findUnique({
    where: { id: courseId },
    select: {
      ...EDITABLE_COURSE_SELECT,
      authors: { select: { name: true }, orderBy: { position: "asc" }, where: { position: { gt: 0 } } },
    },
  });
  if (!course) throw notFound("Course");
  const { authors, ...rest } = course;
  return { ...rest, authors: authors.map((a) => a.name) };
}
