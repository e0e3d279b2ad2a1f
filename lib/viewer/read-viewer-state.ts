import type { Db } from "../db";
import { decideCourseDownload } from "../access/can-download-course";
import { loadCourseEntitlement, loadCourseEntitlements } from "../access/load-course-entitlement";
import { ANONYMOUS, type TViewer } from "../access/viewer";
import type { TToc } from "../catalog/get-course-toc";
import type { TCatalogEntry } from "../catalog/list-courses";
import { getCatalogProgress, getCourseProgress } from "../progress/course-progress";
import { listNotes } from "../notes/manage-notes";
import { listMyAssignments } from "../teams/list-my-assignments";
import { shapeCatalogViewerState, type TCatalogViewerState } from "./catalog-viewer-state";
import { shapeCourseViewerState, type TCourseViewerState } from "./course-viewer-state";

/** The signed-in user a viewer state is read for (the session's), or null. */
export type TViewerUser = { id: string; name: string; role: "learner" | "admin" };

export function viewerOf(user: TViewerUser | null): TViewer {
  return user ? { kind: "user", userId: user.id, role: user.role } : ANONYMOUS;
}

/**
 * What the course page shows `user` (null: anonymous) of `toc`'s course beyond the shared page:
 * the one entitlement decision (lib/access) and what follows from it (downloads), their progress,
 * notes, certificate and team assignments. The per-request page and GET /api/viewer/course/<slug>
 * both read it here (issue 12, ADR 019). An anonymous viewer costs no query.
 */
export async function readCourseViewerState(db: Db, user: TViewerUser | null, toc: TToc, now: Date): Promise<TCourseViewerState> {
  const viewer = viewerOf(user);
  const { course } = toc;
  const entitlement = await loadCourseEntitlement(db, viewer, course);
  const download = decideCourseDownload(viewer, entitlement);
  const userId = user?.id ?? null;
  const [progress, notes, certificate, assignments] = await Promise.all([
    userId ? getCourseProgress(db, userId, toc) : null,
    // The table of contents is in hand: notes and assignments do not read it again.
    userId ? listNotes(db, viewer, course.slug, undefined, toc) : [],
    userId ? db.certificate.findUnique({ where: { userId_courseId: { userId, courseId: course.id } }, select: { token: true } }) : null,
    userId ? listMyAssignments(db, viewer, { courseId: course.id, now, known: [toc] }) : [],
  ]);
  return shapeCourseViewerState({ user, entitlement, download, progress, notes, certificate, assignments });
}

/**
 * The catalog's per-viewer parts for `user` over the courses they are shown: the one entitlement
 * decision for all of them at once, and their progress (issue 12, ADR 019).
 */
export async function readCatalogViewerState(db: Db, user: TViewerUser | null, courses: readonly TCatalogEntry[]): Promise<TCatalogViewerState> {
  const [watched, entitlements] = await Promise.all([
    user ? getCatalogProgress(db, user.id) : null,
    loadCourseEntitlements(db, viewerOf(user), courses),
  ]);
  return shapeCatalogViewerState({ user, courses, entitlements, watched });
}
