import type { Db } from "../db";
import type { Prisma } from "../generated/sqlite/client";
import { withdrawTeamSeats } from "../teams/grant-team-seats";
import { issueCreditNote } from "./invoices/issue-credit-note";

/**
 * A refunded payment: paid → refunded and the purchase → refunded, in one transaction.
 * Access checks read Purchase.status (lib/access/has-active-purchase.ts), so no new media
 * token is issued from this moment. The coupon redemption stays used. An invoiced order gets
 * its credit note (its own gapless number) in the same transaction. Idempotent.
 * `alsoInTransaction` runs inside the same transaction only when this call did the refund
 * (the admin's audit row, issue 9), so the record and the change commit or fail together.
 */
export async function refundOrder(
  deps: { db: Db; now?: () => Date },
  input: { orderId: string },
  alsoInTransaction?: (tx: Prisma.TransactionClient, now: Date) => Promise<void>,
): Promise<{ refunded: boolean }> {
  const now = deps.now?.() ?? new Date();
  const refunded = await deps.db.$transaction(async (tx) => {
    const changed = await tx.order.updateMany({
      where: { id: input.orderId, status: "paid" },
      data: { status: "refunded", refundedAt: now },
    });
    if (changed.count !== 1) return false;
    await tx.purchase.updateMany({
      where: { orderId: input.orderId, status: "active" },
      data: { status: "refunded", refundedAt: now },
    });
    // A team order's seats go back (issue 11); the team's newest members lose theirs if need be.
    const order = await tx.order.findUniqueOrThrow({ where: { id: input.orderId }, select: { forTeam: true, teamId: true, seats: true } });
    if (order.forTeam) await withdrawTeamSeats(tx, order, now);
    await alsoInTransaction?.(tx, now);
    // Last: the credit note counter stays locked until commit (see allocateNumber).
    await issueCreditNote(tx, { orderId: input.orderId, now });
    return true;
  }, { maxWait: 15_000, timeout: 30_000 }); // queues for the credit note counter like a payment (fulfil-order.ts)
  return { refunded };
}
