import { z } from "zod";
import type { Db } from "../db";
import { AppError } from "../errors";
import { requireTeamRole } from "./require-team-role";

export const ZDeleteAssignmentRequest = z.object({ team: z.string().min(1).max(64), assignment: z.string().min(1).max(64) });

/**
 * An owner or manager deletes one of their team's assignments (its targets go with it).
 * An assignment of another team is "not found", the same as one that does not exist.
 */
export async function deleteAssignment(deps: { db: Db }, leadId: string, input: z.input<typeof ZDeleteAssignmentRequest>): Promise<void> {
  const request = ZDeleteAssignmentRequest.parse(input);
  const { team } = await requireTeamRole(deps.db, leadId, request.team, "assign");
  const { count } = await deps.db.teamAssignment.deleteMany({ where: { id: request.assignment, teamId: team.id } });
  if (count !== 1) throw new AppError("NOT_FOUND", "That assignment does not exist (any more).");
}
