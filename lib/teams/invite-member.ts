import { z } from "zod";
import type { Db } from "../db";
import type { TEnv } from "../env";
import { AppError } from "../errors";
import { enqueueMail } from "../mail/enqueue-mail";
import { EMAIL_MAX } from "../auth/user-name";
import { INVITATION_TTL_MS, signInvitationToken } from "./invitation-token";
import { requireTeamRole } from "./require-team-role";
import { ZInvitedRole } from "./team-roles";

export const SEATS_FULL =
  "Every seat is taken or promised to a pending invitation. Add seats (or revoke a seat) before inviting someone else.";

export const ZInviteRequest = z.object({
  team: z.string().min(1).max(64),
  email: z
    .string({ message: "Enter an e-mail address" })
    .trim()
    .max(EMAIL_MAX, `An e-mail address has at most ${EMAIL_MAX} characters.`)
    .pipe(z.email({ message: "Enter a valid e-mail address" }))
    .transform((e) => e.toLowerCase()),
  role: ZInvitedRole.default("member"),
});
export type TInviteRequest = z.input<typeof ZInviteRequest>;

export type TTeamMailDeps = { db: Db; env: Pick<TEnv, "SMTP_URL" | "APP_URL" | "LECTERN_SECRET">; now?: () => Date };

/**
 * The owner invites an address: a pending invitation (an earlier pending one to the same
 * address is replaced, so only the newest link works) and its mail, in one transaction. The
 * link is signed (invitation-token.ts), works once, only for an account with that address,
 * for 7 days. Inviting never takes a seat: accepting does, while one is free.
 */
export async function inviteMember(
  deps: TTeamMailDeps,
  inviterId: string,
  input: TInviteRequest,
): Promise<{ invitationId: string; url: string }> {
  const { team: teamId, email, role } = ZInviteRequest.parse(input);
  const now = deps.now?.() ?? new Date();
  const { team } = await requireTeamRole(deps.db, inviterId, teamId, "invite");
  const already = await deps.db.teamMember.findFirst({
    where: { teamId, status: "active", user: { email } },
    select: { id: true },
  });
  if (already) throw new AppError("CONFLICT", `${email} is already in this team.`, { field: "email" });
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  return deps.db.$transaction(async (tx) => {
    await tx.teamInvitation.updateMany({ where: { teamId, email, status: "pending" }, data: { status: "revoked" } });
    // Every seat taken or promised to a pending invitation: refuse (writes first, so two
    // invitations at once are counted one after the other).
    await tx.$executeRaw`UPDATE "Team" SET "seatsUsed" = "seatsUsed" WHERE "id" = ${teamId}`;
    const seats = await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: { seats: true, seatsUsed: true } });
    const pending = await tx.teamInvitation.count({ where: { teamId, status: "pending", expiresAt: { gt: now } } });
    if (seats.seatsUsed + pending >= seats.seats) throw new AppError("CONFLICT", SEATS_FULL, { field: "email" });
    const invitation = await tx.teamInvitation.create({
      data: { teamId, email, role, invitedById: inviterId, createdAt: now, expiresAt },
      select: { id: true },
    });
    const token = signInvitationToken(deps.env.LECTERN_SECRET, { id: invitation.id, email, expiresAt });
    const url = `${deps.env.APP_URL}/teams/invitations/${token}`;
    const inviter = await tx.user.findUniqueOrThrow({ where: { id: inviterId }, select: { name: true } });
    await enqueueMail(
      tx,
      deps.env,
      {
        to: email,
        subject: `${inviter.name} invited you to ${team.name} on Lectern`,
        text:
          `${inviter.name} invited you to take a seat of "${team.course.title}" in the team ${team.name}.\n\n` +
          `Accept the invitation: ${url}\n\n` +
          `Sign in (or create an account) with this address, ${email}: the link works only for it, only once, ` +
          `and until ${expiresAt.toUTCString()}. If you did not expect this, ignore this message.`,
      },
      now,
    );
    return { invitationId: invitation.id, url };
  });
}
