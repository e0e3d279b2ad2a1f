import type { Db } from "../db";
import { loadLicensedCourseIds } from "../organisations/organisation-grants";
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
  const [purchase, seat] = await Promise.all([
    db.purchase.findUnique({
      where: { userId_courseId: { userId: viewer.userId, courseId: course.id } },
      select: { status: true },
    }),
    db.teamMember.findFirst({ where: { ...ACTIVE_SEAT, userId: viewer.userId, team: { courseId: course.id } }, select: { id: true } }),
  ]);
  if (purchase?.status === "active" || seat !== null) {
    return decideCourseEntitlement(viewer, course, { purchased: purchase?.status === "active", teamSeat: seat !== null });
  }
  const licensed = await loadLicensedCourseIds(db, viewer.userId, [course.id]);
  return decideCourseEntitlement(viewer, course, { purchased: false, organisationLicence: licensed.has(course.id) });
}

/**
 * A seat: an active membership of a team holding seats of the course (lib/teams). A revoked
 * member has none from the moment the revocation commits: no new media token, no download.
 */
const ACTIVE_SEAT = { status: "active" } as const;

/** The same decision for many courses at once (the catalog): one query for the grants. */
export async function loadCourseEntitlements(
  db: Db,
  viewer: TViewer,
  courses: readonly TEntitlementSubject[],
): Promise<Map<string, TCourseEntitlement>> {
  const paid = courses.filter((c) => grantsMatter(viewer, c)).map((c) => c.id);
  const active = new Set<string>();
  const seated = new Set<string>();
  if (paid.length > 0 && viewer.kind === "user") {
    const [purchases, seats] = await Promise.all([
      db.purchase.findMany({
        where: { userId: viewer.userId, courseId: { in: paid }, status: "active" },
        select: { courseId: true },
      }),
      db.teamMember.findMany({
        where: { ...ACTIVE_SEAT, userId: viewer.userId, team: { courseId: { in: paid } } },
        select: { team: { select: { courseId: true } } },
      }),
    ]);
    for (const p of purchases) active.add(p.courseId);
    for (const s of seats) seated.add(s.team.courseId);
  }
  const uncovered = paid.filter((id) => !active.has(id) && !seated.has(id));
  const licensed =
    uncovered.length > 0 && viewer.kind === "user" ? await loadLicensedCourseIds(db, viewer.userId, uncovered) : new Set<string>();
  return new Map(
    courses.map((c) => [
      c.id,
      decideCourseEntitlement(viewer, c, { purchased: active.has(c.id), teamSeat: seated.has(c.id), organisationLicence: licensed.has(c.id) }),
    ]),
  );
}
