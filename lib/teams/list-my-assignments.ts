import type { Db } from "../db";
import { getCourseToc, type TToc } from "../catalog/get-course-toc";
import type { TViewer } from "../access/viewer";
import { decideAssigneeStatus, type TAssigneeStatus } from "./assignment-status";
import { assignmentScope } from "./load-team-view";

export type TMyAssignment = {
  id: string;
  teamName: string;
  course: { slug: string; title: string };
  title: string;
  note: string;
  dueAt: Date | null;
  href: string | null;
  status: TAssigneeStatus;
};

/**
 * "Assigned to you": the assignments of the teams the user is an active member of that are
 * for the whole team or name them — for /account (every course) or a course page (one course).
 * A revoked member sees none.
 */
export async function listMyAssignments(
  db: Db,
  viewer: TViewer,
  /** `known`: tables of contents the caller has read already for this viewer (the viewer JSON): not read again. */
  options: { courseId?: string; now: Date; known?: readonly TToc[] },
): Promise<TMyAssignment[]> {
  if (viewer.kind !== "user") return [];
  const assignments = await db.teamAssignment.findMany({
    where: {
      team: {
        ...(options.courseId ? { courseId: options.courseId } : {}),
        members: { some: { userId: viewer.userId, status: "active" } },
      },
      OR: [{ wholeTeam: true }, { targets: { some: { userId: viewer.userId } } }],
    },
    orderBy: [{ dueAt: "asc" }, { createdAt: "desc" }],
    take: 50,
    select: {
      id: true,
      kind: true,
      segmentId: true,
      partId: true,
      note: true,
      dueAt: true,
      team: { select: { name: true, course: { select: { id: true, slug: true, title: true } } } },
    },
  });
  if (assignments.length === 0) return [];
  const slugs = [...new Set(assignments.map((a) => a.team.course.slug))];
  const readToc = (slug: string) => options.known?.find((t) => t.course.slug === slug) ?? getCourseToc(db, slug, viewer);
  const tocs = new Map((await Promise.all(slugs.map(readToc))).flatMap((t) => (t ? [[t.course.slug, t] as const] : [])));
  const rows = await db.segmentProgress.findMany({
    where: { userId: viewer.userId, courseId: { in: [...new Set(assignments.map((a) => a.team.course.id))] } },
    select: { segmentId: true, watchedSeconds: true, completedAt: true },
  });
  const progress = new Map(rows.map((r) => [r.segmentId, { watchedSeconds: r.watchedSeconds, completed: r.completedAt !== null }]));
  return assignments.flatMap((a) => {
    const toc = tocs.get(a.team.course.slug);
    if (!toc) return [];
    const scope = assignmentScope(toc, a);
    return [
      {
        id: a.id,
        teamName: a.team.name,
        course: { slug: a.team.course.slug, title: a.team.course.title },
        title: scope.title,
        note: a.note,
        dueAt: a.dueAt,
        href: scope.firstSlug ? `/courses/${a.team.course.slug}/${scope.firstSlug}` : null,
        status: decideAssigneeStatus({ scope: scope.segmentIds, progress, dueAt: a.dueAt, now: options.now }),
      },
    ];
  });
}
