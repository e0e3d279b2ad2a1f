import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-db";
import { testEnv } from "../commerce/testing/commerce-factories";
import { createUser } from "./testing/team-factories";
import { createPreviewCourse } from "../progress/testing/progress-factories";
import { recordProgress } from "../progress/record-progress";
import { AppError } from "../errors";
import { createAssignment } from "./create-assignment";
import { deleteAssignment } from "./delete-assignment";
import { listMyAssignments } from "./list-my-assignments";
import { loadTeamView } from "./load-team-view";
import { requireTeamRole } from "./require-team-role";
import { renderTeamCsv } from "./team-grid";
import { buyTeam, joinTeam, type TTeamDeps } from "./testing/team-factories";

// The lead's view (issue 11) on a real database: the grid from real progress rows, the CSV,
// assignments with per-person status and mail, and what a member of another team can see.

let t: TestDatabase;
let course: Awaited<ReturnType<typeof createPreviewCourse>>;
const env = { ...testEnv, LECTERN_SECRET: "assignments-test-secret-0123456789abcdef" };
const deps = (now?: Date): TTeamDeps => ({ db: t.db, env, ...(now ? { now: () => now } : {}) });
const viewer = (id: string) => ({ kind: "user" as const, userId: id, role: "learner" as const });
const NOW = new Date("2026-11-29T12:00:00Z");

let lead: { id: string; email: string };
let grace: { id: string; email: string };
let alan: { id: string; email: string };
let teamId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  course = await createPreviewCourse(t.db);
  lead = await createUser(t.db, { name: "Lena Lead" });
  grace = await createUser(t.db, { name: "Grace Hopper" });
  alan = await createUser(t.db, { name: "Alan Turing" });
  ({ teamId } = await buyTeam(deps(), { ownerId: lead.id, courseSlug: course.slug, seats: 3, teamName: "Platform" }));
  await joinTeam(deps(), { teamId, ownerId: lead.id, user: grace });
  await joinTeam(deps(), { teamId, ownerId: lead.id, user: alan });
});
afterAll(() => t?.cleanup());

const segment = (id: string) => ({ id, courseId: course.id, durationSeconds: 60 });

describe("a member's account", () => {
  it("lists the team's course under their courses as a team seat, before they watched anything", async () => {
    const { listLearning } = await import("../progress/list-learning");
    const learning = await listLearning(t.db, viewer(alan.id));
    expect(learning.map((l) => [l.toc.course.slug, l.entitlement])).toEqual([[course.slug, { entitled: true, reason: "team-seat" }]]);
  });
});

describe("the lead's grid", () => {
  it("shows honest completion per part (skipping ahead counts nothing), totals and the CSV row", async () => {
    // Grace watches the paid segment to the end; Alan jumps to the end of it (a few seconds played).
    await recordProgress(t.db, { userId: grace.id, segment: segment(course.paid.id), positionSeconds: 60, ranges: [[0, 60]] });
    await recordProgress(t.db, { userId: alan.id, segment: segment(course.paid.id), positionSeconds: 60, ranges: [[55, 60]] });
    const context = await requireTeamRole(t.db, lead.id, teamId, "see-progress");
    const view = await loadTeamView(t.db, context, viewer(lead.id), NOW);
    const row = (id: string) => view.grid.find((r) => r.userId === id)!;
    expect(row(grace.id)).toMatchObject({ parts: [{ completed: 0, total: 1 }, { completed: 1, total: 1 }], completedSegments: 1, totalSegments: 2 });
    expect(row(alan.id)).toMatchObject({ parts: [{ completed: 0 }, { completed: 0 }], completedSegments: 0, watchedSeconds: 5 });
    expect(row(lead.id).lastActiveAt).toBeNull();
    const csv = renderTeamCsv(view.toc, view.grid).split("\r\n");
    expect(csv).toContainEqual(expect.stringMatching(new RegExp(`^Grace Hopper,${grace.email},member,0,1,1,2,50,1,`)));
  });
});

describe("assignments", () => {
  it("assigns a segment to the whole team with a note and due date, mails each member, and shows who completed / started / hasn't / is overdue", async () => {
    const { assignmentId } = await createAssignment(deps(NOW), lead.id, {
      team: teamId,
      target: `segment:${course.paid.id}`,
      assignees: ["team"],
      note: "Watch before Monday's review",
      due: "2026-11-30",
    });
    const mails = await t.db.outboxMessage.findMany({ where: { subject: { contains: "Assigned to you" } }, select: { to: true, text: true } });
    expect(mails.map((m) => m.to).sort()).toEqual([alan.email, grace.email].sort());
    expect(mails[0]!.text).toContain("Watch before Monday's review");
    expect(mails[0]!.text).toContain(`/courses/${course.slug}/deep-dive`);

    const context = await requireTeamRole(t.db, lead.id, teamId, "see-progress");
    const late = new Date("2026-12-01T08:00:00Z");
    const view = await loadTeamView(t.db, context, viewer(lead.id), late);
    const assignment = view.assignments.find((a) => a.id === assignmentId)!;
    const statusOf = (email: string) => assignment.assignees.find((a) => a.email === email)!.status;
    expect(statusOf(grace.email)).toEqual({ state: "completed", overdue: false });
    expect(statusOf(alan.email)).toEqual({ state: "started", overdue: true });
    expect(statusOf(lead.email)).toEqual({ state: "not-started", overdue: true });

    const mine = await listMyAssignments(t.db, viewer(grace.id), { courseId: course.id, now: NOW });
    expect(mine).toEqual([
      expect.objectContaining({ title: "2.1 Deep dive into caching", note: "Watch before Monday's review", teamName: "Platform", status: { state: "completed", overdue: false } }),
    ]);
  });

  it("assigns a part to chosen members only; others don't see it", async () => {
    const alanRow = await t.db.teamMember.findUniqueOrThrow({ where: { teamId_userId: { teamId, userId: alan.id } }, select: { id: true } });
    await createAssignment(deps(NOW), lead.id, { team: teamId, target: `part:prt_${course.slug}_1`, assignees: [alanRow.id], note: "", due: "" });
    const forAlan = await listMyAssignments(t.db, viewer(alan.id), { now: NOW });
    const forGrace = await listMyAssignments(t.db, viewer(grace.id), { now: NOW });
    expect(forAlan.map((a) => a.title)).toContain("Part 1: Part 1");
    expect(forGrace.map((a) => a.title)).not.toContain("Part 1: Part 1");
  });

  it("refuses a target from another course, a stranger as assignee, a bad date, and a plain member assigning", async () => {
    const other = await createPreviewCourse(t.db);
    // Thunks, not promises: a promise made early rejects before it is awaited (an unhandled rejection).
    const attempts: [string, () => Promise<unknown>][] = [
      ["other course", () => createAssignment(deps(), lead.id, { team: teamId, target: `segment:${other.paid.id}`, assignees: ["team"], note: "", due: "" })],
      ["stranger", () => createAssignment(deps(), lead.id, { team: teamId, target: `segment:${course.paid.id}`, assignees: ["tm_not_in_team"], note: "", due: "" })],
      ["member assigns", () => createAssignment(deps(), grace.id, { team: teamId, target: `segment:${course.paid.id}`, assignees: ["team"], note: "", due: "" })],
    ];
    for (const [name, attempt] of attempts) {
      const error = await attempt().then(() => null, (e: unknown) => e);
      expect(error, name).toBeInstanceOf(AppError);
      expect((error as AppError).code, name).toBe(name === "member assigns" ? "FORBIDDEN" : "BAD_REQUEST");
    }
    const badDate = await createAssignment(deps(), lead.id, { team: teamId, target: `segment:${course.paid.id}`, assignees: ["team"], note: "", due: "2026-02-30" }).catch((e: unknown) => e);
    expect((badDate as Error).name).toBe("ZodError");
  });
});

describe("isolation", () => {
  it("team B's lead and members see none of team A's assignments, progress or members", async () => {
    const leadB = await createUser(t.db);
    const memberB = await createUser(t.db);
    const { teamId: b } = await buyTeam(deps(), { ownerId: leadB.id, courseSlug: course.slug, seats: 2, teamName: "Team B" });
    await joinTeam(deps(), { teamId: b, ownerId: leadB.id, user: memberB });
    expect(await listMyAssignments(t.db, viewer(memberB.id), { now: NOW })).toEqual([]);
    expect(await listMyAssignments(t.db, viewer(leadB.id), { now: NOW })).toEqual([]);
    const context = await requireTeamRole(t.db, leadB.id, b, "see-progress");
    const view = await loadTeamView(t.db, context, viewer(leadB.id), NOW);
    expect(view.grid.map((r) => r.userId).sort()).toEqual([leadB.id, memberB.id].sort());
    expect(view.assignments).toEqual([]);
    for (const who of [leadB, memberB]) {
      const error = await requireTeamRole(t.db, who.id, teamId, "see-progress").catch((e: unknown) => e);
      expect((error as AppError).code).toBe("NOT_FOUND");
    }
  });

  it("a revoked member no longer sees the team's assignments", async () => {
    const row = await t.db.teamMember.findUniqueOrThrow({ where: { teamId_userId: { teamId, userId: grace.id } }, select: { id: true } });
    expect((await listMyAssignments(t.db, viewer(grace.id), { now: NOW })).length).toBeGreaterThan(0);
    const { revokeMember } = await import("./revoke-member");
    await revokeMember(deps(), lead.id, { team: teamId, member: row.id });
    expect(await listMyAssignments(t.db, viewer(grace.id), { now: NOW })).toEqual([]);
  });
});

describe("replays and deletion", () => {
  it("refuses a replayed Assign (same target, people, due date) with a 409 and no second mail; the lead may delete it", async () => {
    const request = { team: teamId, target: `segment:${course.paid.id}`, assignees: ["team"], note: "replay", due: "2027-03-01" };
    const mails = () => t.db.outboxMessage.count({ where: { subject: { contains: "by 2027-03-01" } } });
    const { assignmentId } = await createAssignment(deps(NOW), lead.id, request);
    const mailed = await mails();
    expect(mailed).toBeGreaterThan(0);
    const replay = await createAssignment(deps(NOW), lead.id, { ...request, note: "replayed" }).catch((e: unknown) => e);
    expect(replay).toBeInstanceOf(AppError);
    expect((replay as AppError).code).toBe("CONFLICT");
    expect((replay as AppError).message).toMatch(/already assigned/);
    expect(await mails()).toBe(mailed);
    expect(await t.db.teamAssignment.count({ where: { teamId, dueAt: new Date("2027-03-01T00:00:00Z") } })).toBe(1);
    // Another due date, or other people, is another assignment.
    const memberIds = await t.db.teamMember.findMany({ where: { teamId, userId: lead.id }, select: { id: true } });
    await createAssignment(deps(NOW), lead.id, { ...request, assignees: memberIds.map((m) => m.id) });
    await createAssignment(deps(NOW), lead.id, { ...request, due: "2027-03-02" });

    // Deleting: a plain member may not; another team's lead gets "not found"; the lead may.
    const asMember = await deleteAssignment(deps(), alan.id, { team: teamId, assignment: assignmentId }).catch((e: unknown) => e);
    expect((asMember as AppError).code).toBe("FORBIDDEN");
    const otherLead = await createUser(t.db);
    const other = await buyTeam(deps(), { ownerId: otherLead.id, courseSlug: course.slug, seats: 1, teamName: "Other" });
    const wrongTeam = await deleteAssignment(deps(), otherLead.id, { team: other.teamId, assignment: assignmentId }).catch((e: unknown) => e);
    expect((wrongTeam as AppError).code).toBe("NOT_FOUND");
    await deleteAssignment(deps(), lead.id, { team: teamId, assignment: assignmentId });
    expect(await t.db.teamAssignment.findUnique({ where: { id: assignmentId } })).toBeNull();
    // Once deleted, the same assignment may be made again.
    await createAssignment(deps(NOW), lead.id, request);
  });
});
