import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { Db } from "../db";
import type { TFulfilDeps } from "../commerce/fulfil-order";
import { createAssignment } from "./create-assignment";
import { buyTeam, joinTeam } from "./testing/team-factories";

/** Local demo accounts (issue 11): a lead with a team of the paid sample course, and one member. */
export const DEMO_LEAD = { email: "lead@lectern.local", password: "lectern-lead", name: "Lena Lead" };
export const DEMO_MEMBER = { email: "member@lectern.local", password: "lectern-member", name: "Max Member" };
export const DEMO_TEAM_NAME = "Demo Platform Team";

async function ensureAccount(db: Db, who: { email: string; password: string; name: string }) {
  const existing = await db.user.findUnique({ where: { email: who.email }, select: { id: true, email: true } });
  if (existing) return existing;
  const id = randomUUID().replaceAll("-", "");
  await db.user.create({ data: { id, email: who.email, name: who.name, role: "learner", emailVerified: true }, select: { id: true } });
  await db.account.create({
    data: { id: randomUUID().replaceAll("-", ""), userId: id, accountId: id, providerId: "credential", password: await hashPassword(who.password) },
    select: { id: true },
  });
  return { id, email: who.email };
}

/**
 * The seed's team demo, through the real checkout and invitation functions: the lead buys 3
 * seats (local test payment), the member joins, and the lead assigns a segment to the whole
 * team. Created once; a re-seed leaves an existing demo team alone.
 */
export async function seedDemoTeam(
  deps: TFulfilDeps & { env: TFulfilDeps["env"] & { LECTERN_SECRET: string } },
  courseSlug: string,
): Promise<"created" | "exists" | "no-course"> {
  const { db } = deps;
  const course = await db.course.findUnique({ where: { slug: courseSlug }, select: { id: true, priceCents: true } });
  if (!course || course.priceCents <= 0) return "no-course";
  const lead = await ensureAccount(db, DEMO_LEAD);
  if (await db.teamMember.findFirst({ where: { userId: lead.id, role: "owner", team: { courseId: course.id } }, select: { id: true } })) return "exists";
  const member = await ensureAccount(db, DEMO_MEMBER);
  const { teamId } = await buyTeam(deps, { ownerId: lead.id, courseSlug, seats: 3, teamName: DEMO_TEAM_NAME });
  await joinTeam(deps, { teamId, ownerId: lead.id, user: member });
  const segment = await db.segment.findFirst({ where: { courseId: course.id, slug: "debugging" }, select: { id: true } });
  if (segment) {
    const due = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await createAssignment({ ...deps, env: { ...deps.env } }, lead.id, {
      team: teamId,
      target: `segment:${segment.id}`,
      assignees: ["team"],
      note: "Watch before our next incident review.",
      due,
    });
  }
  return "created";
}
