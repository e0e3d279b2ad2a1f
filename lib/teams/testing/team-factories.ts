// Team factories shared by the integration tests, the seed and e2e set-up: a team bought and
// paid through the real checkout (lib/commerce + lib/teams), and invitations accepted the real way.
import type { Db } from "../../db";
import { createUser as createCommerceUser } from "../../commerce/testing/commerce-factories";
import { createLocalProvider } from "../../commerce/payments/local-provider";
import { settleLocalPayment } from "../../commerce/payments/settle-local-payment";
import type { TFulfilDeps } from "../../commerce/fulfil-order";
import { acceptInvitation } from "../accept-invitation";
import { inviteMember } from "../invite-member";
import { INVITATION_TTL_MS, signInvitationToken } from "../invitation-token";
import { startTeamCheckout } from "../start-team-checkout";

export type TTeamDeps = TFulfilDeps & { env: TFulfilDeps["env"] & { LECTERN_SECRET: string } };

/** Buys `seats` seats of a course for a new team (local test payment) and returns the team's id. */
export async function buyTeam(
  deps: TTeamDeps,
  input: { ownerId: string; courseSlug: string; seats: number; teamName: string; coupon?: string },
): Promise<{ teamId: string; orderId: string }> {
  const { orderId } = await startTeamCheckout({ ...deps, provider: createLocalProvider() }, input.ownerId, {
    course: input.courseSlug,
    seats: input.seats,
    teamName: input.teamName,
    coupon: input.coupon,
  });
  const order = await deps.db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } });
  if (order.status === "pending") await settleLocalPayment(deps, { orderId, outcome: "pay", userId: input.ownerId });
  const paid = await deps.db.order.findUniqueOrThrow({ where: { id: orderId }, select: { teamId: true } });
  if (!paid.teamId) throw new Error(`Team order ${orderId} was not fulfilled`);
  return { teamId: paid.teamId, orderId };
}

/** A user whose address is confirmed (a seat needs one); `emailVerified: false` for one who is not. */
export function createUser(db: Db, overrides: Parameters<typeof createCommerceUser>[1] = {}) {
  return createCommerceUser(db, { emailVerified: true, ...overrides });
}

/** Invites and accepts: the user takes a seat in the team. */
export async function joinTeam(
  deps: TTeamDeps,
  input: { teamId: string; ownerId: string; user: { id: string; email: string }; role?: "member" | "manager" },
): Promise<void> {
  const { url } = await inviteMember(deps, input.ownerId, { team: input.teamId, email: input.user.email, role: input.role ?? "member" });
  await acceptInvitation({ db: deps.db, secret: deps.env.LECTERN_SECRET }, input.user, tokenOf(url));
}

/**
 * A pending invitation written straight to the database, past the seat rule of inviteMember
 * (as invitations made before that rule may be): for the seat races, where more people hold
 * a link than there are free seats. Returns its token.
 */
export async function pendingInvitationOverSeats(deps: TTeamDeps, input: { teamId: string; ownerId: string; email: string }): Promise<string> {
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
  const { id } = await deps.db.teamInvitation.create({
    data: { teamId: input.teamId, email: input.email, role: "member", invitedById: input.ownerId, expiresAt },
    select: { id: true },
  });
  return signInvitationToken(deps.env.LECTERN_SECRET, { id, email: input.email, expiresAt });
}

/** The token at the end of an invitation link. */
export function tokenOf(url: string): string {
  return url.slice(url.lastIndexOf("/") + 1);
}

export async function seatCount(db: Db, teamId: string) {
  const team = await db.team.findUniqueOrThrow({ where: { id: teamId }, select: { seats: true, seatsUsed: true } });
  const active = await db.teamMember.count({ where: { teamId, status: "active" } });
  return { ...team, active };
}
