import type { Db } from "../db";
import { AppError, notFound } from "../errors";
import { teamRoleMay, type TTeamAction, type TTeamRole } from "./team-roles";

export type TTeamContext = {
  team: { id: string; name: string; seats: number; seatsUsed: number; course: { id: string; slug: string; title: string; priceCents: number; currency: string } };
  /** The caller's own membership. */
  membership: { id: string; role: TTeamRole };
};

/**
 * The caller's team, if they are an active member of it and their role may do `action`.
 * Anyone who is not an active member — another team's lead guessing ids, a revoked member —
 * gets the same 404 as for a team that does not exist: a team id reveals nothing. A member
 * whose role may not do it gets a 403. Every team page, route and action starts here.
 */
export async function requireTeamRole(db: Db, userId: string, teamId: string, action: TTeamAction): Promise<TTeamContext> {
  const context = await findTeamMembership(db, userId, teamId);
  if (!context) throw notFound("Team");
  if (!teamRoleMay(context.membership.role, action)) {
    throw new AppError("FORBIDDEN", "Only the team's owners and managers can do this.");
  }
  return context;
}

/** The caller's active membership of the team with the team's facts, or null. */
export async function findTeamMembership(db: Db, userId: string, teamId: string): Promise<TTeamContext | null> {
  if (typeof teamId !== "string" || teamId.length === 0 || teamId.length > 64) return null;
  const member = await db.teamMember.findUnique({
    where: { teamId_userId: { teamId, userId } },
    select: {
      id: true,
      role: true,
      status: true,
      team: {
        select: {
          id: true,
          name: true,
          seats: true,
          seatsUsed: true,
          course: { select: { id: true, slug: true, title: true, priceCents: true, currency: true } },
        },
      },
    },
  });
  if (!member || member.status !== "active") return null;
  return { team: member.team, membership: { id: member.id, role: member.role as TTeamRole } };
}
