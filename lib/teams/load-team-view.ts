import type { Db } from "../db";
import { getCourseToc, type TToc } from "../catalog/get-course-toc";
import type { TViewer } from "../access/viewer";
import { notFound } from "../errors";
import { decideAssigneeStatus, type TAssigneeStatus } from "./assignment-status";
import { buildTeamGrid, type TGridRow } from "./team-grid";
import type { TTeamContext } from "./require-team-role";

export type TTeamAssignmentView = {
  id: string;
  kind: string;
  title: string;
  note: string;
  dueAt: Date | null;
  wholeTeam: boolean;
  createdAt: Date;
  /** Per assignee (active members it is for), where they stand. */
  assignees: { memberId: string; name: string; email: string; status: TAssigneeStatus }[];
};

export type TTeamView = {
  toc: TToc;
  grid: TGridRow[];
  pendingInvitations: { id: string; email: string; role: string; expiresAt: Date }[];
  assignments: TTeamAssignmentView[];
};

/**
 * Everything the lead's page shows, for a context requireTeamRole(…, "see-progress") gave:
 * members × parts grid, pending invitations, assignments with each assignee's status. Reads
 * only this team's rows (its members' progress in its course).
 */
export async function loadTeamView(db: Db, context: TTeamContext, viewer: TViewer, now: Date): Promise<TTeamView> {
  const { team } = context;
  const toc = await getCourseToc(db, team.course.slug, viewer);
  if (!toc) throw notFound("Course");
  const members = await db.teamMember.findMany({
    where: { teamId: team.id, status: "active" },
    orderBy: [{ joinedAt: "asc" }],
    select: { id: true, userId: true, role: true, user: { select: { name: true, email: true } } },
  });
  const userIds = members.map((m) => m.userId);
  const [rows, pendingInvitations, assignments] = await Promise.all([
    db.segmentProgress.findMany({
      where: { courseId: team.course.id, userId: { in: userIds } },
      select: { userId: true, segmentId: true, watchedSeconds: true, completedAt: true, updatedAt: true },
    }),
    db.teamInvitation.findMany({
      where: { teamId: team.id, status: "pending", expiresAt: { gt: now } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, expiresAt: true },
    }),
    db.teamAssignment.findMany({
      where: { teamId: team.id },
      orderBy: { createdAt: "desc" },
      select: { id: true, kind: true, segmentId: true, partId: true, note: true, dueAt: true, wholeTeam: true, createdAt: true, targets: { select: { userId: true } } },
    }),
  ]);
  const gridMembers = members.map((m) => ({ memberId: m.id, userId: m.userId, name: m.user.name, email: m.user.email, role: m.role }));
  const grid = buildTeamGrid(toc, gridMembers, rows);
  const progressOf = new Map<string, Map<string, { watchedSeconds: number; completed: boolean }>>();
  for (const r of rows) {
    const mine = progressOf.get(r.userId) ?? new Map();
    mine.set(r.segmentId, { watchedSeconds: r.watchedSeconds, completed: r.completedAt !== null });
    progressOf.set(r.userId, mine);
  }
  return {
    toc,
    grid,
    pendingInvitations,
    assignments: assignments.map((a) => {
      const scope = assignmentScope(toc, a);
      const targetIds = new Set(a.targets.map((t) => t.userId));
      return {
        id: a.id,
        kind: a.kind,
        title: scope.title,
        note: a.note,
        dueAt: a.dueAt,
        wholeTeam: a.wholeTeam,
        createdAt: a.createdAt,
        assignees: gridMembers
          .filter((m) => a.wholeTeam || targetIds.has(m.userId))
          .map((m) => ({
            memberId: m.memberId,
            name: m.name,
            email: m.email,
            status: decideAssigneeStatus({ scope: scope.segmentIds, progress: progressOf.get(m.userId) ?? new Map(), dueAt: a.dueAt, now }),
          })),
      };
    }),
  };
}

/** The listed segments an assignment covers, and how to name it ("2.3 Security", "Part 2: …"). */
export function assignmentScope(
  toc: TToc,
  a: { kind: string; segmentId: string | null; partId: string | null },
): { title: string; segmentIds: string[]; firstSlug: string | null } {
  for (const part of toc.parts) {
    if (a.kind === "part" && part.id === a.partId) {
      return { title: `Part ${part.position}: ${part.title}`, segmentIds: part.segments.map((s) => s.id), firstSlug: part.segments[0]?.slug ?? null };
    }
    const segment = a.kind === "segment" ? part.segments.find((s) => s.id === a.segmentId) : undefined;
    if (segment) return { title: `${segment.number} ${segment.title}`, segmentIds: [segment.id], firstSlug: segment.slug };
  }
  return { title: "(no longer in the course)", segmentIds: [], firstSlug: null };
}
