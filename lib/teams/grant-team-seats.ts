import type { Prisma } from "../generated/sqlite/client";

export type TTeamOrder = { id: string; userId: string; courseId: string; seats: number; teamName: string | null; teamId: string | null };

/**
 * A paid team order's grant, inside the payment's transaction (lib/commerce/fulfil-order.ts):
 * a new team named on the order, with the buyer as owner holding the first seat — or, for an
 * order that adds seats, that many more seats for its team. Never a Purchase.
 */
export async function grantTeamSeats(tx: Prisma.TransactionClient, order: TTeamOrder, now: Date): Promise<{ teamId: string }> {
  if (order.teamId) {
    await tx.team.update({ where: { id: order.teamId }, data: { seats: { increment: order.seats } }, select: { id: true } });
    return { teamId: order.teamId };
  }
  const team = await tx.team.create({
    data: {
      name: order.teamName ?? "My team",
      courseId: order.courseId,
      seats: order.seats,
      seatsUsed: 1,
      createdById: order.userId,
      createdAt: now,
      members: { create: { userId: order.userId, role: "owner", joinedAt: now } },
    },
    select: { id: true },
  });
  await tx.order.update({ where: { id: order.id }, data: { teamId: team.id }, select: { id: true } });
  return { teamId: team.id };
}

/**
 * A refunded team order takes its seats back. When the team then has more members than
 * seats, the most recently joined members (never an owner) lose theirs, so `seatsUsed ≤ seats`
 * stays true and nobody streams on seats nobody paid for.
 */
export async function withdrawTeamSeats(tx: Prisma.TransactionClient, order: { teamId: string | null; seats: number }, now: Date) {
  if (!order.teamId) return;
  const team = await tx.team.update({
    where: { id: order.teamId },
    data: { seats: { decrement: order.seats } },
    select: { seats: true, seatsUsed: true },
  });
  const seats = Math.max(0, team.seats);
  if (team.seats < 0) await tx.team.update({ where: { id: order.teamId }, data: { seats: 0 }, select: { id: true } });
  const excess = team.seatsUsed - seats;
  if (excess <= 0) return;
  const latest = await tx.teamMember.findMany({
    where: { teamId: order.teamId, status: "active", role: { not: "owner" } },
    orderBy: { joinedAt: "desc" },
    take: excess,
    select: { id: true },
  });
  if (latest.length === 0) return;
  await tx.teamMember.updateMany({ where: { id: { in: latest.map((m) => m.id) } }, data: { status: "revoked", revokedAt: now } });
  await tx.team.update({ where: { id: order.teamId }, data: { seatsUsed: { decrement: latest.length } }, select: { id: true } });
}
