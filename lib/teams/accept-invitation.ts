import type { Db } from "../db";
import { AppError } from "../errors";
import { readInvitation } from "./read-invitation";

export class NoFreeSeat extends AppError {
  constructor() {
    super("CONFLICT", "Every seat of this team is taken. Ask the team's owner to add a seat or free one.");
  }
}

export const UNCONFIRMED =
  "Confirm your e-mail address first: open the link in the confirmation message we sent you, then accept the invitation again.";

/**
 * The invited person takes a seat. Checked first: the link's signature, that it is pending
 * and unexpired, and that the signed-in account has the invited address and has confirmed it. Then one
 * transaction, writes first (so SQLite takes its write lock before reading anything and
 * PostgreSQL re-checks each condition on the row it locked):
 * 1. pending → accepted, only if still pending and unexpired: a link works once;
 * 2. seatsUsed + 1 only where seatsUsed < seats: when two people accept the last seat at
 *    once, exactly one update matches; the other throws NoFreeSeat and its transaction
 *    rolls back, leaving its invitation pending for when a seat is free;
 * 3. the membership (a revoked member who is invited again gets their row back).
 */
export async function acceptInvitation(
  deps: { db: Db; secret: string; now?: () => Date },
  user: { id: string; email: string },
  token: string,
): Promise<{ teamId: string; courseSlug: string }> {
  const now = deps.now?.() ?? new Date();
  const invitation = await readInvitation(deps.db, deps.secret, token, now);
  if (invitation.email !== user.email.toLowerCase()) {
    throw new AppError(
      "FORBIDDEN",
      `This invitation is for ${invitation.email}, and you are signed in as ${user.email}. Sign in with the invited address.`,
    );
  }
  // Like an organisation licence, a seat needs a confirmed address: anyone can sign up with
  // an address they do not own. Read from the database, not from the caller's session copy.
  const account = await deps.db.user.findUnique({ where: { id: user.id }, select: { emailVerified: true } });
  if (!account?.emailVerified) throw new AppError("FORBIDDEN", UNCONFIRMED);
  const teamId = invitation.team.id;
  await deps.db.$transaction(async (tx) => {
    const used = await tx.teamInvitation.updateMany({
      where: { id: invitation.id, status: "pending", expiresAt: { gt: now } },
      data: { status: "accepted", acceptedAt: now, acceptedById: user.id },
    });
    if (used.count !== 1) throw new AppError("CONFLICT", "This invitation has already been used.");
    const member = await tx.teamMember.findUnique({ where: { teamId_userId: { teamId, userId: user.id } }, select: { status: true } });
    if (member?.status === "active") throw new AppError("CONFLICT", "You are already in this team.");
    const seat = await tx.$executeRaw`UPDATE "Team" SET "seatsUsed" = "seatsUsed" + 1 WHERE "id" = ${teamId} AND "seatsUsed" < "seats"`;
    if (seat !== 1) throw new NoFreeSeat();
    const data = { role: invitation.role, status: "active", joinedAt: now, revokedAt: null };
    await tx.teamMember.upsert({
      where: { teamId_userId: { teamId, userId: user.id } },
      create: { teamId, userId: user.id, ...data },
      update: data,
      select: { id: true },
    });
  });
  return { teamId, courseSlug: invitation.team.course.slug };
}
