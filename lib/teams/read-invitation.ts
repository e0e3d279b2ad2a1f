import type { Db } from "../db";
import { AppError } from "../errors";
import { invitationSignatureValid, parseInvitationToken } from "./invitation-token";

export type TInvitationView = {
  id: string;
  email: string;
  role: string;
  expiresAt: Date;
  team: { id: string; name: string; course: { slug: string; title: string } };
};

export const INVALID_INVITATION = "This invitation link is not valid. Ask the team's owner for a new one.";

/**
 * The invitation a link stands for, if its signature holds and it may still be accepted;
 * otherwise an AppError saying why (never which part of a forged token was wrong).
 * Reading an invitation changes nothing: only acceptInvitation uses it up.
 */
export async function readInvitation(db: Db, secret: string, token: string, now: Date): Promise<TInvitationView> {
  const parsed = parseInvitationToken(token);
  if (!parsed) throw new AppError("NOT_FOUND", INVALID_INVITATION);
  const invitation = await db.teamInvitation.findUnique({
    where: { id: parsed.id },
    select: {
      id: true,
      email: true,
      role: true,
      status: true,
      expiresAt: true,
      team: { select: { id: true, name: true, course: { select: { slug: true, title: true } } } },
    },
  });
  if (!invitation || !invitationSignatureValid(secret, invitation, parsed.sig)) throw new AppError("NOT_FOUND", INVALID_INVITATION);
  if (invitation.status === "accepted") throw new AppError("CONFLICT", "This invitation has already been used.");
  if (invitation.status !== "pending") throw new AppError("CONFLICT", "This invitation was withdrawn. Ask the team's owner for a new one.");
  if (invitation.expiresAt.getTime() <= now.getTime()) {
    throw new AppError("CONFLICT", "This invitation has expired (they work for 7 days). Ask the team's owner for a new one.");
  }
  const { status: _status, ...view } = invitation;
  return view;
}
