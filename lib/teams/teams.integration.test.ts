import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-db";
import { loadCourseEntitlement } from "../access/load-course-entitlement";
import { canUserDownloadCourse } from "../access/can-download-course";
import { AppError } from "../errors";
import { refundOrder } from "../commerce/refund-order";
import { createCoupon, createCourse, testEnv } from "../commerce/testing/commerce-factories";
import { createUser } from "./testing/team-factories";
import { acceptInvitation } from "./accept-invitation";
import { inviteMember } from "./invite-member";
import { requireTeamRole } from "./require-team-role";
import { revokeMember } from "./revoke-member";
import { buyTeam, joinTeam, pendingInvitationOverSeats, seatCount, tokenOf, type TTeamDeps } from "./testing/team-factories";
import { signInvitationToken } from "./invitation-token";
import { startTeamCheckout } from "./start-team-checkout";
import { createLocalProvider } from "../commerce/payments/local-provider";

// Team purchase, invitations, seats and isolation (issue 11) on a real database — run once per
// provider (SQLite and PostgreSQL) by scripts/test.sh.

let t: TestDatabase;
let course: { id: string; slug: string; title: string; priceCents: number };
const SECRET = "teams-test-secret-0123456789abcdef0123";
const env = { ...testEnv, LECTERN_SECRET: SECRET };
const deps = (now?: Date): TTeamDeps => ({ db: t.db, env, ...(now ? { now: () => now } : {}) });
const learner = (id: string) => ({ kind: "user" as const, userId: id, role: "learner" as const });

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const result = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(result instanceof AppError)) throw new Error(`expected an AppError, got ${String(result)}`);
  return result;
}

beforeAll(async () => {
  t = await createTestDatabase();
  course = await createCourse(t.db, { slug: "team-course", priceCents: 5000, title: "Enterprise Software with Python" });
  await createCoupon(t.db, { code: "TEAM20", percentOff: 20 });
});
afterAll(() => t?.cleanup());

describe("team purchase", () => {
  it("charges price × seats with the coupon, makes a team with the buyer as owner, and mails one receipt naming the organisation", async () => {
    const lead = await createUser(t.db, { name: "Lena Lead" });
    const { teamId, orderId } = await buyTeam(deps(), { ownerId: lead.id, courseSlug: course.slug, seats: 3, teamName: "Acme Platform Team", coupon: "team20" });
    const order = await t.db.order.findUniqueOrThrow({ where: { id: orderId }, select: { subtotalCents: true, discountCents: true, totalCents: true, status: true, seats: true } });
    expect(order).toEqual({ subtotalCents: 15000, discountCents: 3000, totalCents: 12000, status: "paid", seats: 3 });
    expect(await seatCount(t.db, teamId)).toEqual({ seats: 3, seatsUsed: 1, active: 1 });
    const owner = await t.db.teamMember.findUniqueOrThrow({ where: { teamId_userId: { teamId, userId: lead.id } }, select: { role: true } });
    expect(owner.role).toBe("owner");
    // The owner holds a seat: the course is theirs through it, and no Purchase was made.
    expect(await loadCourseEntitlement(t.db, learner(lead.id), course)).toEqual({ entitled: true, reason: "team-seat" });
    expect(await t.db.purchase.count({ where: { userId: lead.id } })).toBe(0);
    const mails = await t.db.outboxMessage.findMany({ where: { to: lead.email }, select: { text: true } });
    expect(mails).toHaveLength(1);
    for (const fact of ["Acme Platform Team", "3 team seats", "$150.00", "TEAM20", "−$30.00", "$120.00 USD"]) expect(mails[0]!.text).toContain(fact);
  });

  it("adds seats later, paying only for the added ones; only the owner may", async () => {
    const lead = await createUser(t.db);
    const { teamId } = await buyTeam(deps(), { ownerId: lead.id, courseSlug: course.slug, seats: 2, teamName: "Growing team" });
    const stranger = await createUser(t.db);
    const more = { course: course.slug, seats: 4, team: teamId };
    expect((await errorOf(startTeamCheckout({ ...deps(), provider: createLocalProvider() }, stranger.id, more))).code).toBe("NOT_FOUND");
    const { orderId } = await startTeamCheckout({ ...deps(), provider: createLocalProvider() }, lead.id, more);
    const { settleLocalPayment } = await import("../commerce/payments/settle-local-payment");
    await settleLocalPayment(deps(), { orderId, outcome: "pay", userId: lead.id });
    const order = await t.db.order.findUniqueOrThrow({ where: { id: orderId }, select: { totalCents: true, teamId: true } });
    expect(order).toEqual({ totalCents: 20000, teamId });
    expect(await seatCount(t.db, teamId)).toEqual({ seats: 6, seatsUsed: 1, active: 1 });
  });

  it("refuses nonsense seat counts and a missing organisation name with a message", async () => {
    const lead = await createUser(t.db);
    for (const seats of [0, -1, 1.5, 501, "many"]) {
      const error = await errorOf(
        startTeamCheckout({ ...deps(), provider: createLocalProvider() }, lead.id, { course: course.slug, seats: seats as number, teamName: "X" }).catch((e: unknown) => {
          throw e instanceof Error && e.name === "ZodError" ? new AppError("BAD_REQUEST", e.message) : e;
        }),
      );
      expect(error.code, String(seats)).toBe("BAD_REQUEST");
    }
    await expect(startTeamCheckout({ ...deps(), provider: createLocalProvider() }, lead.id, { course: course.slug, seats: 2, teamName: "" })).rejects.toThrow(/Name your organisation/);
  });
});

describe("invitations", () => {
  let lead: { id: string; email: string };
  let teamId: string;
  beforeAll(async () => {
    lead = await createUser(t.db, { name: "Owner Olga" });
    ({ teamId } = await buyTeam(deps(), { ownerId: lead.id, courseSlug: course.slug, seats: 8, teamName: "Invite team" }));
  });

  it("mails a signed link through the outbox; accepting it takes a seat and opens the course", async () => {
    const grace = await createUser(t.db, { email: "grace@example.com" });
    const { url } = await inviteMember(deps(), lead.id, { team: teamId, email: "  Grace@Example.com " });
    const mail = await t.db.outboxMessage.findFirstOrThrow({ where: { to: "grace@example.com" }, select: { subject: true, text: true } });
    expect(mail.subject).toContain("Invite team");
    expect(mail.text).toContain(url);
    expect(url).toMatch(/^http:\/\/localhost:3000\/teams\/invitations\/[a-z0-9]+\.[A-Za-z0-9_-]{43}$/);
    expect(await loadCourseEntitlement(t.db, learner(grace.id), course)).toEqual({ entitled: false, reason: "purchase-required" });
    await acceptInvitation({ db: t.db, secret: SECRET }, grace, tokenOf(url));
    expect(await loadCourseEntitlement(t.db, learner(grace.id), course)).toEqual({ entitled: true, reason: "team-seat" });
    expect((await seatCount(t.db, teamId)).seatsUsed).toBe(2);
  });

  it("works once: a second use is refused and takes no second seat", async () => {
    const ann = await createUser(t.db);
    const { url } = await inviteMember(deps(), lead.id, { team: teamId, email: ann.email });
    await acceptInvitation({ db: t.db, secret: SECRET }, ann, tokenOf(url));
    const before = await seatCount(t.db, teamId);
    const again = await errorOf(acceptInvitation({ db: t.db, secret: SECRET }, ann, tokenOf(url)));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toMatch(/already been used/);
    expect(await seatCount(t.db, teamId)).toEqual(before);
  });

  it("is bound to the invited address: another account cannot use it", async () => {
    const invited = await createUser(t.db);
    const mallory = await createUser(t.db, { email: "mallory@example.com" });
    const { url } = await inviteMember(deps(), lead.id, { team: teamId, email: invited.email });
    const error = await errorOf(acceptInvitation({ db: t.db, secret: SECRET }, mallory, tokenOf(url)));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toContain(invited.email);
    expect(await loadCourseEntitlement(t.db, learner(mallory.id), course)).toMatchObject({ entitled: false });
    // The rightful owner of the address can still accept it afterwards.
    await acceptInvitation({ db: t.db, secret: SECRET }, invited, tokenOf(url));
  });

  it("needs a confirmed address: an unconfirmed account with the invited address gets a 403 and no seat", async () => {
    const unconfirmed = await createUser(t.db, { emailVerified: false });
    const { url } = await inviteMember(deps(), lead.id, { team: teamId, email: unconfirmed.email });
    const before = await seatCount(t.db, teamId);
    const error = await errorOf(acceptInvitation({ db: t.db, secret: SECRET }, unconfirmed, tokenOf(url)));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toMatch(/Confirm your e-mail address first/);
    expect(await seatCount(t.db, teamId)).toEqual(before);
    expect(await loadCourseEntitlement(t.db, learner(unconfirmed.id), course)).toMatchObject({ entitled: false });
    // Once confirmed, the same link works.
    await t.db.user.update({ where: { id: unconfirmed.id }, data: { emailVerified: true } });
    await acceptInvitation({ db: t.db, secret: SECRET }, unconfirmed, tokenOf(url));
    expect(await loadCourseEntitlement(t.db, learner(unconfirmed.id), course)).toEqual({ entitled: true, reason: "team-seat" });
  });

  it("expires after 7 days", async () => {
    const late = await createUser(t.db);
    const sent = new Date("2026-11-01T12:00:00Z");
    const { url } = await inviteMember(deps(sent), lead.id, { team: teamId, email: late.email });
    const justBefore = new Date(sent.getTime() + 7 * 86_400_000 - 1000);
    const justAfter = new Date(sent.getTime() + 7 * 86_400_000 + 1000);
    const expired = await errorOf(acceptInvitation({ db: t.db, secret: SECRET, now: () => justAfter }, late, tokenOf(url)));
    expect(expired.message).toMatch(/expired/);
    await acceptInvitation({ db: t.db, secret: SECRET, now: () => justBefore }, late, tokenOf(url));
  });

  it("refuses forged and tampered links, and a link re-signed for another address", async () => {
    const victim = await createUser(t.db);
    const { url, invitationId } = await inviteMember(deps(), lead.id, { team: teamId, email: victim.email });
    const token = tokenOf(url);
    const attacker = await createUser(t.db);
    const row = await t.db.teamInvitation.findUniqueOrThrow({ where: { id: invitationId }, select: { expiresAt: true } });
    const forged = [
      token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA"),
      signInvitationToken("a-different-secret-0123456789abcdef01", { id: invitationId, email: attacker.email, expiresAt: row.expiresAt }),
      signInvitationToken(SECRET.replace("t", "T"), { id: invitationId, email: victim.email, expiresAt: row.expiresAt }),
      `${invitationId}.`,
      "../../etc/passwd",
    ];
    for (const bad of forged) {
      const error = await errorOf(acceptInvitation({ db: t.db, secret: SECRET }, attacker, bad));
      expect(error.code, bad).toBe("NOT_FOUND");
    }
  });

  it("only the owner invites; a manager or member may not", async () => {
    const manager = await createUser(t.db);
    await joinTeam(deps(), { teamId, ownerId: lead.id, user: manager, role: "manager" });
    const error = await errorOf(inviteMember(deps(), manager.id, { team: teamId, email: "x@example.com" }));
    expect(error.code).toBe("FORBIDDEN");
    const bad = await inviteMember(deps(), lead.id, { team: teamId, email: "not an address" }).catch((e: unknown) => e);
    expect((bad as Error).name).toBe("ZodError");
  });
});

describe("inviting when every seat is taken or promised", () => {
  it("refuses the invitation past the last free seat with a message offering more seats", async () => {
    const lead = await createUser(t.db);
    const { teamId } = await buyTeam(deps(), { ownerId: lead.id, courseSlug: course.slug, seats: 3, teamName: "Full" });
    const a = await createUser(t.db);
    await joinTeam(deps(), { teamId, ownerId: lead.id, user: a }); // 2 of 3 taken
    await inviteMember(deps(), lead.id, { team: teamId, email: "pending@example.com" }); // the last one promised
    const error = await errorOf(inviteMember(deps(), lead.id, { team: teamId, email: "one-too-many@example.com" }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/Add seats/);
    expect(await t.db.teamInvitation.count({ where: { teamId, email: "one-too-many@example.com" } })).toBe(0);
    // Inviting the pending address again replaces its link rather than needing a seat.
    await inviteMember(deps(), lead.id, { team: teamId, email: "pending@example.com" });
  });
});

describe("seats under concurrency", () => {
  it("the last seat accepted twice at once, from two processes: exactly one succeeds", async () => {
    const lead = await createUser(t.db);
    const { teamId } = await buyTeam(deps(), { ownerId: lead.id, courseSlug: course.slug, seats: 2, teamName: "One seat left" });
    const a = await createUser(t.db);
    const b = await createUser(t.db);
    const inviteA = await inviteMember(deps(), lead.id, { team: teamId, email: a.email });
    // One free seat, two links: the second is past the invite form's seat rule.
    const inviteB = { url: `/teams/invitations/${await pendingInvitationOverSeats(deps(), { teamId, ownerId: lead.id, email: b.email })}` };
    // Each person accepts from their own process with its own connection, like two app
    // instances: real concurrent transactions on either database.
    const results = await race([
      { user: a, token: tokenOf(inviteA.url) },
      { user: b, token: tokenOf(inviteB.url) },
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/Every seat of this team is taken/) });
    expect(await seatCount(t.db, teamId)).toEqual({ seats: 2, seatsUsed: 2, active: 2 });
    // The loser's invitation is still pending: it works once a seat is free.
    const [winner, loser] = results[0]!.ok ? [a, { user: b, url: inviteB.url }] : [b, { user: a, url: inviteA.url }];
    const winnerRow = await t.db.teamMember.findUniqueOrThrow({ where: { teamId_userId: { teamId, userId: winner.id } }, select: { id: true } });
    await revokeMember(deps(), lead.id, { team: teamId, member: winnerRow.id });
    await acceptInvitation({ db: t.db, secret: SECRET }, loser.user, tokenOf(loser.url));
    expect(await seatCount(t.db, teamId)).toEqual({ seats: 2, seatsUsed: 2, active: 2 });
  });

  it("ten people racing for three free seats: exactly three get one", async () => {
    const lead = await createUser(t.db);
    const { teamId } = await buyTeam(deps(), { ownerId: lead.id, courseSlug: course.slug, seats: 4, teamName: "Race" });
    const people = await Promise.all(Array.from({ length: 10 }, () => createUser(t.db)));
    const links: string[] = [];
    for (const p of people) links.push(`/teams/invitations/${await pendingInvitationOverSeats(deps(), { teamId, ownerId: lead.id, email: p.email })}`);
    // One app process: concurrent requests share its client (PostgreSQL: a pool of connections).
    const results = await Promise.allSettled(people.map((p, i) => acceptInvitation({ db: t.db, secret: SECRET }, p, tokenOf(links[i]!))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(await seatCount(t.db, teamId)).toEqual({ seats: 4, seatsUsed: 4, active: 4 });
  });
});

describe("revoking", () => {
  it("frees the seat and ends the member's access to the course and its downloads at once", async () => {
    const lead = await createUser(t.db);
    const { teamId } = await buyTeam(deps(), { ownerId: lead.id, courseSlug: course.slug, seats: 2, teamName: "Revoke" });
    const member = await createUser(t.db);
    await joinTeam(deps(), { teamId, ownerId: lead.id, user: member });
    expect(await canUserDownloadCourse(t.db, member.id, course)).toEqual({ allowed: true, reason: "team-seat" });
    const row = await t.db.teamMember.findUniqueOrThrow({ where: { teamId_userId: { teamId, userId: member.id } }, select: { id: true } });
    expect(await revokeMember(deps(), lead.id, { team: teamId, member: row.id })).toEqual({ revoked: true });
    expect(await revokeMember(deps(), lead.id, { team: teamId, member: row.id })).toEqual({ revoked: false });
    expect(await seatCount(t.db, teamId)).toEqual({ seats: 2, seatsUsed: 1, active: 1 });
    expect(await loadCourseEntitlement(t.db, learner(member.id), course)).toEqual({ entitled: false, reason: "purchase-required" });
    expect(await canUserDownloadCourse(t.db, member.id, course)).toEqual({ allowed: false, reason: "purchase-required" });
    // The owner's own seat cannot be revoked.
    const ownerRow = await t.db.teamMember.findUniqueOrThrow({ where: { teamId_userId: { teamId, userId: lead.id } }, select: { id: true } });
    expect((await errorOf(revokeMember(deps(), lead.id, { team: teamId, member: ownerRow.id }))).code).toBe("BAD_REQUEST");
  });

  it("a refunded team order takes its seats back, and the newest members lose theirs", async () => {
    const lead = await createUser(t.db);
    const { teamId } = await buyTeam(deps(), { ownerId: lead.id, courseSlug: course.slug, seats: 2, teamName: "Refund" });
    const { orderId } = await startTeamCheckout({ ...deps(), provider: createLocalProvider() }, lead.id, { course: course.slug, seats: 1, team: teamId });
    const { settleLocalPayment } = await import("../commerce/payments/settle-local-payment");
    await settleLocalPayment(deps(), { orderId, outcome: "pay", userId: lead.id });
    const first = await createUser(t.db);
    const last = await createUser(t.db);
    await joinTeam(deps(now(1)), { teamId, ownerId: lead.id, user: first });
    await joinTeam(deps(now(2)), { teamId, ownerId: lead.id, user: last });
    expect(await seatCount(t.db, teamId)).toEqual({ seats: 3, seatsUsed: 3, active: 3 });
    await refundOrder({ db: t.db }, { orderId });
    expect(await seatCount(t.db, teamId)).toEqual({ seats: 2, seatsUsed: 2, active: 2 });
    expect(await loadCourseEntitlement(t.db, learner(last.id), course)).toMatchObject({ entitled: false });
    expect(await loadCourseEntitlement(t.db, learner(first.id), course)).toMatchObject({ entitled: true, reason: "team-seat" });
  });
});

/** Starts one process per racer, waits until all are connected, then lets them go at once. */
async function race(racers: { user: { id: string; email: string }; token: string }[]) {
  const script = path.join(__dirname, "testing/accept-in-process.ts");
  const children = racers.map(({ user, token }) =>
    spawn(process.execPath, ["--import", "tsx", script, t.url, SECRET, user.id, user.email, token], { stdio: ["pipe", "pipe", "inherit"] }),
  );
  const lines = children.map((child) => readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]());
  for (const it of lines) expect((await it.next()).value).toBe("ready");
  for (const child of children) child.stdin!.write("go\n");
  const results: { ok: boolean; code?: string; message?: string }[] = [];
  for (const it of lines) results.push(JSON.parse(String((await it.next()).value)) as { ok: boolean });
  return results;
}

const now = (minutes: number) => new Date(Date.UTC(2026, 10, 29, 12, minutes));

describe("isolation", () => {
  it("a member of team A learns nothing about team B: 404 for every id they guess; a plain member may not see progress", async () => {
    const leadA = await createUser(t.db);
    const leadB = await createUser(t.db);
    const { teamId: a } = await buyTeam(deps(), { ownerId: leadA.id, courseSlug: course.slug, seats: 3, teamName: "Team A" });
    const { teamId: b } = await buyTeam(deps(), { ownerId: leadB.id, courseSlug: course.slug, seats: 3, teamName: "Team B" });
    const memberA = await createUser(t.db);
    await joinTeam(deps(), { teamId: a, ownerId: leadA.id, user: memberA });
    for (const action of ["see-progress", "assign", "invite", "revoke", "buy-seats"] as const) {
      expect((await errorOf(requireTeamRole(t.db, leadA.id, b, action))).code, action).toBe("NOT_FOUND");
      expect((await errorOf(requireTeamRole(t.db, memberA.id, b, action))).code, action).toBe("NOT_FOUND");
    }
    expect((await errorOf(requireTeamRole(t.db, memberA.id, a, "see-progress"))).code).toBe("FORBIDDEN");
    expect((await requireTeamRole(t.db, leadA.id, a, "see-progress")).team.name).toBe("Team A");
    // Revoking someone in team B from team A's owner: not found.
    const leadBRow = await t.db.teamMember.findUniqueOrThrow({ where: { teamId_userId: { teamId: b, userId: leadB.id } }, select: { id: true } });
    expect((await errorOf(revokeMember(deps(), leadA.id, { team: a, member: leadBRow.id }))).code).toBe("NOT_FOUND");
    expect((await errorOf(revokeMember(deps(), leadA.id, { team: b, member: leadBRow.id }))).code).toBe("NOT_FOUND");
  });
});
