import type { Db } from "../db";
import { AppError, notFound } from "../errors";
import { requireTeamRole } from "./require-team-role";

/**
 * The owner takes a seat back. In one transaction the membership becomes revoked and the
 * seat is free again. The entitlement reads active memberships (lib/access), so from the
 * commit on no media token is issued for the course and the member's download links answer
 * 403; playback already under way stops when its token runs out (STREAM_TOKEN_TTL_SECONDS),
 * since renewal asks for a new one. An owner's own seat is not revoked here.
 */
export async function revokeMember(
  deps: { db: Db; now?: () => Date },
  ownerId: string,
  input: { team: string; member: string },
): Promise<{ revoked: boolean }> {
  const now = deps.now?.() ?? new Date();
  await requireTeamRole(deps.db, ownerId, input.team, "revoke");
  const member = await deps.db.teamMember.findFirst({
    where: { id: input.member, teamId: input.team },
    select: { id: true, role: true, status: true },
  });
  if (!member) throw notFound("Member");
  if (member.role === "owner") throw new AppError("BAD_REQUEST", "An owner's seat cannot be revoked.");
  if (member.status !== "active") return { revoked: false };
  const revoked = await deps.db.$transaction(async (tx) => {
    const changed = await tx.teamMember.updateMany({
      where: { id: member.id, status: "active" },
      data: { status: "revoked", revokedAt: now },
    });
    if (changed.count !== 1) return false; // revoked concurrently: the seat was freed once
    await tx.$executeRaw`UPDATE "Team" SET "seatsUsed" = "seatsUsed" - 1 WHERE "id" = ${input.team} AND "seatsUsed" > 0`;
    return true;
  });
  return { revoked };
}
