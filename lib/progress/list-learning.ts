import type { Db } from "../db";
import type { TCourseEntitlement } from "../access/decide-course-entitlement";
import { loadCourseEntitlements } from "../access/load-course-entitlement";
import type { TViewer } from "../access/viewer";
import { getCourseToc, type TToc } from "../catalog/get-course-toc";
import { getCourseProgress, type TCourseProgress } from "./course-progress";

export type TLearningCourse = {
  toc: TToc;
  entitlement: TCourseEntitlement;
  progress: TCourseProgress;
  /** The certificate's public token once the course is complete. */
  certificateToken: string | null;
};

/**
 * A learner's courses for /account: every course they may watch in full through a grant
 * (a purchase; team seats with issue 11) and every course they have started watching (free
 * courses, free previews), with progress and where "Continue" leads. The entitlement is the
 * one access decision, not a second purchase query. Most recently bought or watched first.
 */
export async function listLearning(db: Db, viewer: Extract<TViewer, { kind: "user" }>): Promise<TLearningCourse[]> {
  const [purchases, seats, touched, certificates] = await Promise.all([
    db.purchase.findMany({ where: { userId: viewer.userId, status: "active" }, select: { courseId: true, createdAt: true } }),
    db.teamMember.findMany({ where: { userId: viewer.userId, status: "active" }, select: { joinedAt: true, team: { select: { courseId: true } } } }),
    db.segmentProgress.groupBy({ by: ["courseId"], where: { userId: viewer.userId }, _max: { updatedAt: true } }),
    db.certificate.findMany({ where: { userId: viewer.userId }, select: { courseId: true, token: true } }),
  ]);
  const certificateOf = new Map(certificates.map((c) => [c.courseId, c.token]));
  const lastActivity = new Map<string, number>();
  const note = (courseId: string, at: Date | null | undefined) => {
    const t = at?.getTime() ?? 0;
    if (t >= (lastActivity.get(courseId) ?? -1)) lastActivity.set(courseId, t);
  };
  for (const p of purchases) note(p.courseId, p.createdAt);
  for (const s of seats) note(s.team.courseId, s.joinedAt);
  for (const t of touched) note(t.courseId, t._max.updatedAt);
  if (lastActivity.size === 0) return [];

  const courses = await db.course.findMany({
    where: { id: { in: [...lastActivity.keys()] } },
    select: { id: true, slug: true, priceCents: true },
  });
  const entitlements = await loadCourseEntitlements(db, viewer, courses);
  const rows: (TLearningCourse & { at: number })[] = [];
  for (const c of courses) {
    const toc = await getCourseToc(db, c.slug, viewer);
    if (!toc) continue; // not visible (unpublished) any more
    const progress = await getCourseProgress(db, viewer.userId, toc);
    rows.push({
      toc,
      entitlement: entitlements.get(c.id)!,
      progress,
      certificateToken: certificateOf.get(c.id) ?? null,
      at: lastActivity.get(c.id) ?? 0,
    });
  }
  return rows.sort((a, b) => b.at - a.at).map(({ at: _at, ...row }) => row);
}
