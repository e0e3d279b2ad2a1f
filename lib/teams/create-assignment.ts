import { z } from "zod";
import type { Db } from "../db";
import { AppError } from "../errors";
import { enqueueMail } from "../mail/enqueue-mail";
import type { TTeamMailDeps } from "./invite-member";
import { HAS_MEDIA_WHERE, LISTED_PART_WHERE } from "../catalog/visibility";
import { requireTeamRole } from "./require-team-role";

const ZDueDate = z
  .union([z.literal(""), z.null(), z.undefined(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Pick a due date (YYYY-MM-DD)")])
  .transform((value, ctx) => {
    if (!value) return null;
    const date = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
      ctx.addIssue({ code: "custom", message: "Pick a due date that exists" });
      return z.NEVER;
    }
    return date;
  });

export const ZAssignmentRequest = z.object({
  team: z.string().min(1).max(64),
  /** "segment:<id>" or "part:<id>", from the form's one select. */
  target: z.string().regex(/^(segment|part):[A-Za-z0-9_-]{1,64}$/, "Choose a segment or a part"),
  /** "team" for everyone in the team (also later members), else member ids. */
  assignees: z.array(z.string().min(1).max(64)).min(1, "Choose who it is for: the whole team or members").max(500),
  note: z.string().trim().max(1000, "A note has at most 1000 characters").default(""),
  due: ZDueDate,
});
export type TAssignmentRequest = z.input<typeof ZAssignmentRequest>;

/**
 * An owner or manager assigns a segment or a part of the team's course to the whole team or
 * to some of its members, with a note and a due date. The assignment and one mail per assignee
 * are written in one transaction (sent after the response by the outbox).
 */
export async function createAssignment(deps: TTeamMailDeps, leadId: string, input: TAssignmentRequest): Promise<{ assignmentId: string }> {
  const request = ZAssignmentRequest.parse(input);
  const now = deps.now?.() ?? new Date();
  const { team } = await requireTeamRole(deps.db, leadId, request.team, "assign");
  const [kind, targetId] = request.target.split(":") as ["segment" | "part", string];
  const what = await describeTarget(deps.db, team.course.id, kind, targetId);
  const wholeTeam = request.assignees.includes("team");
  const members = await deps.db.teamMember.findMany({
    where: { teamId: team.id, status: "active", ...(wholeTeam ? {} : { id: { in: request.assignees } }) },
    select: { userId: true, user: { select: { email: true, name: true } } },
  });
  if (!wholeTeam && members.length !== new Set(request.assignees).size) {
    throw new AppError("BAD_REQUEST", "Some of the chosen people are not in this team.", { field: "assignees" });
  }
  const lead = await deps.db.user.findUniqueOrThrow({ where: { id: leadId }, select: { name: true } });
  const link = `${deps.env.APP_URL}/courses/${team.course.slug}/${what.firstSegmentSlug}`;
  const due = request.due ? ` by ${request.due.toISOString().slice(0, 10)}` : "";
  return deps.db.$transaction(async (tx) => {
    // Write first: SQLite takes its write lock and PostgreSQL locks the team's row, so two
    // replays of one "Assign" post are checked one after the other.
    await tx.$executeRaw`UPDATE "Team" SET "seatsUsed" = "seatsUsed" WHERE "id" = ${team.id}`;
    const same = await tx.teamAssignment.findMany({
      where: { teamId: team.id, kind, segmentId: kind === "segment" ? targetId : null, partId: kind === "part" ? targetId : null, dueAt: request.due, wholeTeam },
      select: { targets: { select: { userId: true } } },
    });
    const people = (ids: string[]) => [...new Set(ids)].sort().join(",");
    const chosen = people(members.map((m) => m.userId));
    if (same.some((a) => wholeTeam || people(a.targets.map((x) => x.userId)) === chosen)) {
      throw new AppError("CONFLICT", `${what.title[0]!.toUpperCase()}${what.title.slice(1)} is already assigned to them${due}.`);
    }
    const assignment = await tx.teamAssignment.create({
      data: {
        teamId: team.id,
        kind,
        segmentId: kind === "segment" ? targetId : null,
        partId: kind === "part" ? targetId : null,
        note: request.note,
        dueAt: request.due,
        wholeTeam,
        createdById: leadId,
        createdAt: now,
        targets: wholeTeam ? undefined : { create: members.map((m) => ({ userId: m.userId })) },
      },
      select: { id: true },
    });
    for (const m of members) {
      if (m.userId === leadId) continue;
      await enqueueMail(
        tx,
        deps.env,
        {
          to: m.user.email,
          subject: `Assigned to you: ${what.title}${due}`,
          text:
            `${lead.name} assigned you ${what.title} of "${team.course.title}" (team ${team.name})${due}.\n\n` +
            (request.note ? `Note: ${request.note}\n\n` : "") +
            `Watch it: ${link}\n`,
        },
        now,
      );
    }
    return { assignmentId: assignment.id };
  });
}

/** The assigned segment or part, only if it is listed in the team's course (ids from another course are refused). */
async function describeTarget(db: Db, courseId: string, kind: "segment" | "part", id: string) {
  // What a learner sees of the course (lib/catalog/visibility.ts).
  const listed = { archivedAt: null, ...HAS_MEDIA_WHERE } as const;
  if (kind === "segment") {
    const segment = await db.segment.findFirst({
      where: { id, courseId, ...listed, part: LISTED_PART_WHERE },
      select: { slug: true, title: true, position: true, part: { select: { position: true } } },
    });
    if (!segment) throw new AppError("BAD_REQUEST", "That segment is not in this team's course.", { field: "target" });
    return { title: `segment ${segment.part.position}.${segment.position} "${segment.title}"`, firstSegmentSlug: segment.slug };
  }
  const part = await db.part.findFirst({
    where: { id, courseId, ...LISTED_PART_WHERE },
    select: { title: true, position: true, segments: { where: listed, orderBy: { position: "asc" }, take: 1, select: { slug: true } } },
  });
  if (!part || part.segments.length === 0) throw new AppError("BAD_REQUEST", "That part is not in this team's course.", { field: "target" });
  return { title: `part ${part.position} "${part.title}"`, firstSegmentSlug: part.segments[0]!.slug };
}
