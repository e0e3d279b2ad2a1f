import type { Db } from "../db";
import {
  decideCourseEntitlement,
  grantsMatter,
  NO_GRANTS,
  type TCourseEntitlement,
  type TEntitlementCourse,
} from "./decide-course-entitlement";
import type { TViewer } from "./viewer";

export type TEntitlementSubject = TEntitlementCourse & { id: string };

/**
 * The viewer's entitlement to one course: grants are read only when they can matter
 * (a signed-in non-admin and a paid course). Pages get it request-cached through
 * getCourseEntitlement (course-entitlement.server.ts).
 */
export async function loadCourseEntitlement(db: Db, viewer: TViewer, course: TEntitlementSubject): Promise<TCourseEntitlement> {
  if (!grantsMatter(viewer, course)) return decideCourseEntitlement(viewer, course, NO_GRANTS);
  const purchase = await db.purchase.findUnique({
    where: { userId_courseId: { userId: viewer.userId, courseId: course.id } },
    select: { status: true },
  });
  return decideCourseEntitlement(viewer, course, { purchased: purchase?.status === "active" });
}

/** The same decision for many courses at once (the catalog): one query for the grants. */
export async function loadCourseEntitlements(
  db: Db,
  viewer: TViewer,
  courses: readonly TEntitlementSubject[],
): Promise<Map<string, TCourseEntitlement>> {
  const paid = courses.filter((c) => grantsMatter(viewer, c)).map((c) => c.id);
  const active = new Set<string>();
  if (paid.length > 0 && viewer.kind === "user") {
    const purchases = await db.purchase.findMany({
      where: { userId: viewer.userId, courseId: { in: paid }, status: "active" },
      select: { courseId: true },
    });
    for (const p of purchases) active.add(p.courseId);
  }
  return new Map(courses.map((c) => [c.id, decideCourseEntitlement(viewer, c, { purchased: active.has(c.id) })]));
}
