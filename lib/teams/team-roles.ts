import { z } from "zod";

/** A member's role in a team (issue 11). Every active member, whatever the role, holds one seat. */
export const TEAM_ROLES = ["owner", "manager", "member"] as const;
export type TTeamRole = (typeof TEAM_ROLES)[number];
export const ZTeamRole = z.enum(TEAM_ROLES);
/** The roles an invitation may give (ownership is never handed out by link). */
export const ZInvitedRole = z.enum(["manager", "member"], { message: "Choose manager or member" });

export type TTeamAction =
  /** The team page's grid, the CSV, per-assignment status. */
  | "see-progress"
  | "assign"
  | "invite"
  | "revoke"
  | "buy-seats";

const ALLOWED: Record<TTeamAction, readonly TTeamRole[]> = {
  "see-progress": ["owner", "manager"],
  assign: ["owner", "manager"],
  invite: ["owner"],
  revoke: ["owner"],
  "buy-seats": ["owner"],
};

/**
 * What a role may do in its team: the one table of team permissions. Owners and managers see
 * progress and assign; only owners hand out and take back seats and pay for more.
 */
export function teamRoleMay(role: string, action: TTeamAction): boolean {
  const parsed = ZTeamRole.safeParse(role);
  return parsed.success && ALLOWED[action].includes(parsed.data);
}
